// GET ?token=…&return_to=…: the mailed link. Consumes it once, opens a session, back to where the citizen was.
import type { Config } from "@netlify/functions";
import { sessionCookie } from "../lib/auth/cookie.ts";
import { tokenHash } from "../lib/auth/crypto.ts";
import { clearEmailCookie } from "../lib/auth/email-cookie.ts";
import { getDataPort } from "../lib/db/index.ts";
import { AppError } from "../lib/http/errors.ts";
import { backWithFlash, handler } from "../lib/http/handler.ts";
import { json } from "../lib/http/respond.ts";
import { signInPage } from "../lib/pages/sign-in.ts";

export default handler({
  async GET(ctx) {
    const token = ctx.url.searchParams.get("token") ?? "";
    try {
      if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw new AppError("sign_in_link_invalid");
      const port = await getDataPort();
      const session = await port.call<{ citizen_id: string; session_id: string }>("consume_sign_in_link", {
        p_token_hash: tokenHash(token),
        p_user_agent: ctx.req.headers.get("user-agent"),
      });
      const cookies = [sessionCookie(session.session_id), clearEmailCookie()];
      if (ctx.json) return json({ citizen: { id: session.citizen_id } }, 200, cookies.map((c) => ["set-cookie", c]));
      return backWithFlash(ctx, "signed_in", cookies);
    } catch (error) {
      // A dead link lands on the sign-in form with the reason, so asking for a new one is one step.
      if (error instanceof AppError && !ctx.json && error.status < 500) {
        return signInPage(ctx.lang, ctx.returnTo, undefined, error.status, { text: error.messageIn(ctx.lang), kind: "error" });
      }
      throw error;
    }
  },
});

export const config: Config = { path: "/api/auth/verify" };
