// Organizers' login to Decap CMS with GitHub (the OAuth exchange needs the client secret, kept here).
// Unused with GitLab (PKCE) or locally (decap-server): it answers 404 when GitHub OAuth is not configured.
// Through the common handler, so a failed exchange (GitHub unreachable) is logged like any server failure.
import type { Config } from "@netlify/functions";
import { completeAuthorization, optionsFromEnv, startAuthorization } from "../lib/decap/github-oauth.ts";
import { AppError } from "../lib/http/errors.ts";
import { handler } from "../lib/http/handler.ts";

export default handler({
  async GET({ req, url }) {
    const options = optionsFromEnv();
    if (!options) throw new AppError("not_found");
    return url.pathname.endsWith("/callback") ? completeAuthorization(req, options) : startAuthorization(req, options);
  },
});

export const config: Config = { path: ["/api/decap/auth", "/api/decap/callback"] };
