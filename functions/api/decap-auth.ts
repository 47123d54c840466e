// Organizers' login to Decap CMS with GitHub (the OAuth exchange needs the client secret, kept here).
// Unused with GitLab (PKCE) or locally (decap-server): it answers 404 when GitHub OAuth is not configured.
import type { Config } from "@netlify/functions";
import { completeAuthorization, optionsFromEnv, startAuthorization } from "../lib/decap/github-oauth.ts";
import { AppError } from "../lib/http/errors.ts";
import { errorJson } from "../lib/http/respond.ts";

export default async (req: Request): Promise<Response> => {
  const options = optionsFromEnv();
  if (!options || req.method !== "GET") return errorJson(new AppError("not_found"), "fr");
  return new URL(req.url).pathname.endsWith("/callback")
    ? completeAuthorization(req, options)
    : startAuthorization(req, options);
};

export const config: Config = { path: ["/api/decap/auth", "/api/decap/callback"] };
