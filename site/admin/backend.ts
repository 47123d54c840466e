// Decap's production backend, chosen from the environment at build time. Netlify Identity and Git Gateway
// are deprecated, so Parlons supports GitHub through its own OAuth endpoint, and GitLab with PKCE (no server).
import type { DecapObject } from "../_lib/content/decap.ts";

export class AdminConfigError extends Error {
  override name = "AdminConfigError";
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new AdminConfigError(`${name} must be set to build the production admin (see README, "Decap backend")`);
  return value;
}

/**
 * PARLONS_DECAP_BACKEND: "github" (default) or "gitlab"; PARLONS_DECAP_REPO: "owner/name";
 * PARLONS_DECAP_BRANCH (default main). GitHub: PARLONS_DECAP_OAUTH_BASE_URL (origin serving the OAuth
 * function, e.g. the site URL) and PARLONS_DECAP_OAUTH_ENDPOINT (default api/decap/auth).
 * GitLab: PARLONS_DECAP_GITLAB_APP_ID, optional PARLONS_DECAP_GITLAB_URL for self-hosted instances.
 */
export function backendFromEnv(env: NodeJS.ProcessEnv, production: boolean): DecapObject {
  const name = env["PARLONS_DECAP_BACKEND"] ?? "github";
  const branch = env["PARLONS_DECAP_BRANCH"] ?? "main";
  if (!production && !env["PARLONS_DECAP_REPO"]) {
    // Development: local_backend (decap-server) answers; this backend is only Decap's required fallback.
    return { name: "github", repo: "parlons/demo-content", branch };
  }
  const repo = required(env, "PARLONS_DECAP_REPO");
  if (name === "github") {
    return {
      name,
      repo,
      branch,
      base_url: required(env, "PARLONS_DECAP_OAUTH_BASE_URL"),
      auth_endpoint: env["PARLONS_DECAP_OAUTH_ENDPOINT"] ?? "api/decap/auth",
    };
  }
  if (name === "gitlab") {
    const gitlab = env["PARLONS_DECAP_GITLAB_URL"];
    return {
      name,
      repo,
      branch,
      auth_type: "pkce",
      app_id: required(env, "PARLONS_DECAP_GITLAB_APP_ID"),
      ...(gitlab ? { base_url: gitlab, api_root: `${gitlab.replace(/\/$/, "")}/api/v4` } : {}),
    };
  }
  throw new AdminConfigError(`PARLONS_DECAP_BACKEND must be "github" or "gitlab", not "${name}"`);
}
