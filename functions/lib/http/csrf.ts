// Cross-site request forgery defence for static pages that cannot carry per-session tokens: a state-changing
// request must prove it comes from the site's own origin (OWASP "verify origin with standard headers").
import { AppError } from "./errors.ts";

/** The site's origin: the request's own, plus the deployed URL Netlify exposes when it differs (proxies). */
function siteOrigins(req: Request): Set<string> {
  const origins = new Set([new URL(req.url).origin]);
  for (const name of ["PARLONS_SITE_URL", "URL"]) {
    const value = process.env[name];
    if (value) {
      try {
        origins.add(new URL(value).origin);
      } catch {
        // A malformed deploy variable must not open the door; ignore it.
      }
    }
  }
  return origins;
}

function originOf(value: string | null): string | null {
  if (!value) return null;
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

export function assertSameOrigin(req: Request): void {
  const fetchSite = req.headers.get("sec-fetch-site");
  if (fetchSite === "same-origin") return;
  if (fetchSite && fetchSite !== "none") throw new AppError("csrf_failed");
  const origins = siteOrigins(req);
  const origin = req.headers.get("origin");
  if (origin && origin !== "null") {
    if (origins.has(origin)) return;
    throw new AppError("csrf_failed");
  }
  const referer = originOf(req.headers.get("referer"));
  if (referer && origins.has(referer)) return;
  throw new AppError("csrf_failed");
}
