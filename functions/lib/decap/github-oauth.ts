// Decap CMS's GitHub backend logs organizers in through an OAuth popup served by "base_url/auth_endpoint".
// GitHub's token endpoint needs the client secret, so this small server side does the exchange; Netlify
// Identity and Git Gateway, which used to do it, are deprecated. Protocol (decap-cms-lib-auth,
// netlify-auth.js): the popup posts "authorizing:github" to its opener, the opener echoes it back from the
// site origin, then the popup posts "authorization:github:success:{token, provider}" to that origin.
import { randomBytes } from "node:crypto";
import { readCookie } from "../http/cookies.ts";
import { baseHeaders } from "../http/respond.ts";
import { safeEqual } from "../auth/crypto.ts";

const authorizeUrl = "https://github.com/login/oauth/authorize";
const tokenUrl = "https://github.com/login/oauth/access_token";
const stateCookie = "parlons_decap_state";
/** The popup flow takes seconds; ten minutes covers a GitHub login with two-factor authentication. */
const stateMaxAge = 600;

export interface GithubOAuthOptions {
  clientId: string;
  clientSecret: string;
  /** Injected by tests; the global fetch otherwise. */
  fetch?: typeof fetch;
}

export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): GithubOAuthOptions | null {
  const clientId = env.PARLONS_DECAP_GITHUB_CLIENT_ID;
  const clientSecret = env.PARLONS_DECAP_GITHUB_CLIENT_SECRET;
  return clientId && clientSecret ? { clientId, clientSecret } : null;
}

function callbackUrl(req: Request): string {
  return new URL("/api/decap/callback", req.url).href;
}

/** Step 1: send the popup to GitHub, binding the flow to this browser with a random state in a cookie. */
export function startAuthorization(req: Request, options: GithubOAuthOptions): Response {
  const requested = new URL(req.url).searchParams.get("scope");
  // Decap asks for "repo" (private content repositories) or "public_repo"; nothing else is granted.
  const scope = requested === "public_repo" ? "public_repo" : "repo";
  const state = randomBytes(24).toString("base64url");
  const target = new URL(authorizeUrl);
  target.search = new URLSearchParams({ client_id: options.clientId, redirect_uri: callbackUrl(req), scope, state }).toString();
  return new Response(null, {
    status: 302,
    headers: {
      location: target.href,
      ...baseHeaders,
      "set-cookie": `${stateCookie}=${state}; Path=/api/decap; Max-Age=${stateMaxAge}; HttpOnly; Secure; SameSite=Lax`,
    },
  });
}

type Outcome = { ok: true; token: string } | { ok: false; reason: string };

async function exchange(req: Request, options: GithubOAuthOptions): Promise<Outcome> {
  const params = new URL(req.url).searchParams;
  const code = params.get("code");
  const state = params.get("state");
  const expected = readCookie(req, stateCookie);
  if (!code || !state || !expected || !safeEqual(state, expected)) return { ok: false, reason: "invalid_state" };
  const answer = await (options.fetch ?? fetch)(tokenUrl, {
    method: "POST",
    headers: { accept: "application/json", "content-type": "application/json" },
    body: JSON.stringify({ client_id: options.clientId, client_secret: options.clientSecret, code, redirect_uri: callbackUrl(req) }),
  });
  const body = (await answer.json().catch(() => ({}))) as { access_token?: unknown; error?: unknown };
  if (!answer.ok || typeof body.access_token !== "string") {
    return { ok: false, reason: typeof body.error === "string" ? body.error : "token_exchange_failed" };
  }
  return { ok: true, token: body.access_token };
}

/** Step 2: GitHub came back; hand the token to the admin window that opened the popup, on this origin only. */
export async function completeAuthorization(req: Request, options: GithubOAuthOptions): Promise<Response> {
  const outcome = await exchange(req, options);
  const message = outcome.ok
    ? `authorization:github:success:${JSON.stringify({ token: outcome.token, provider: "github" })}`
    : `authorization:github:error:${JSON.stringify({ message: outcome.reason })}`;
  const origin = new URL(req.url).origin;
  const nonce = randomBytes(16).toString("base64");
  // The only inline script Parlons sends, on a page no citizen sees: allowed by its nonce, not 'unsafe-inline'.
  const script = `(function(){var o=${JSON.stringify(origin)},m=${JSON.stringify(message)};
window.addEventListener("message",function(e){if(e.origin===o&&e.data==="authorizing:github"){window.opener.postMessage(m,o);}},false);
if(window.opener){window.opener.postMessage("authorizing:github",o);}})();`;
  const page = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Connexion à l'administration</title></head>
<body><p>${outcome.ok ? "Connexion réussie, cette fenêtre va se fermer." : "La connexion a échoué. Fermez cette fenêtre et réessayez."}</p>
<script nonce="${nonce}">${script.replace(/</g, "\\u003c")}</script></body></html>`;
  return new Response(page, {
    status: outcome.ok ? 200 : 400,
    headers: {
      "content-type": "text/html; charset=utf-8",
      ...baseHeaders,
      "content-security-policy": `default-src 'none'; script-src 'nonce-${nonce}'; base-uri 'none'; frame-ancestors 'none'`,
      "referrer-policy": "no-referrer",
      "set-cookie": `${stateCookie}=; Path=/api/decap; Max-Age=0; HttpOnly; Secure; SameSite=Lax`,
    },
  });
}
