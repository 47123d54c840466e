// The mailed link. Mail scanners (Outlook SafeLinks, antivirus gateways) open links before the citizen does, so
// GET ?token=…&return_to=… only shows a confirmation button; the POST it sends consumes the link once, opens a
// session and goes back to where the citizen was. JSON clients POST { token } directly.
import type { Config } from "@netlify/functions";
import { isLinkToken, tokenHash } from "../lib/auth/crypto.ts";
import { verifyInput } from "../lib/auth/schemas.ts";
import { type OpenedSession, signedIn } from "../lib/auth/signed-in.ts";
import { getDataPort } from "../lib/db/index.ts";
import { AppError } from "../lib/http/errors.ts";
import { handler, type RequestContext } from "../lib/http/handler.ts";
import { readInput } from "../lib/http/input.ts";
import { confirmPage, signInPage } from "../lib/pages/sign-in.ts";

/** A dead link lands on the sign-in form with the reason, so asking for a new one is one step. */
function deadLink(ctx: RequestContext, error: AppError): Promise<Response> {
  return signInPage(ctx.lang, ctx.returnTo, undefined, error.status, { text: error.messageIn(ctx.lang), kind: "error" });
}

export default handler({
  async GET(ctx) {
    const token = ctx.url.searchParams.get("token");
    if (isLinkToken(token)) return confirmPage(ctx.lang, ctx.returnTo, token);
    const error = new AppError("sign_in_link_invalid");
    if (ctx.json) throw error;
    return deadLink(ctx, error);
  },

  async POST(ctx) {
    const { token } = await readInput(ctx, verifyInput);
    if (!isLinkToken(token)) throw new AppError("sign_in_link_invalid");
    const port = await getDataPort();
    const session = await port.call<OpenedSession>("consume_sign_in_link", {
      p_token_hash: tokenHash(token),
      p_user_agent: ctx.req.headers.get("user-agent"),
    });
    return signedIn(ctx, session);
  },

  async formError(ctx, error) {
    return deadLink(ctx, error);
  },
});

export const config: Config = { path: "/api/auth/verify" };
