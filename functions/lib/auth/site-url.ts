// The public origin written into sign-in mails. A configured URL wins over the request's Host header, which
// a client controls (host-header injection would point mailed links elsewhere).
export function publicOrigin(req: Request): string {
  for (const name of ["PARLONS_SITE_URL", "URL"]) {
    const value = process.env[name];
    if (value) {
      try {
        return new URL(value).origin;
      } catch {
        // Ignore a malformed variable rather than mail a broken link.
      }
    }
  }
  return new URL(req.url).origin;
}
