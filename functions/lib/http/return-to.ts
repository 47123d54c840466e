// Where to send a citizen back after a form post: only a path on this site, never another host
// (an open redirect would make our sign-in mails a phishing tool).
export function safeReturnTo(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) {
    return fallback;
  }
  try {
    const base = "http://parlons.invalid";
    const url = new URL(value, base);
    if (url.origin !== base) return fallback;
    return url.pathname + url.search + url.hash;
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
