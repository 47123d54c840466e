// Where to send a citizen back after a form post: only a path on this site, never another host
// (an open redirect would make our sign-in mails a phishing tool).

/** A path of this site: one slash, then neither a slash nor a backslash (browsers read both as a host start). */
const samePath = /^\/(?![/\\])/;

/**
 * The value as the browser will read it, if that is a path of this site; else `fallback`. The check runs on the
 * normalised path, not the raw text: `/..//evil.example` and `/%2e//evil.example` only become `//evil.example`
 * (another host) once dot segments are resolved.
 */
export function safeReturnTo(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !samePath.test(value)) return fallback;
  try {
    const base = "http://parlons.invalid";
    const url = new URL(value, base);
    if (url.origin !== base) return fallback;
    const path = url.pathname + url.search + url.hash;
    return samePath.test(path) ? path : fallback;
  } catch {
    return fallback;
  }
}

/** Adds `flash=<key>` to a same-site path, before its fragment, replacing any earlier flash. */
export function withFlash(path: string, key: string): string {
  const url = new URL(path, "http://parlons.invalid");
  url.searchParams.set("flash", key);
  return url.pathname + url.search + url.hash;
}
