// POST { email, code, return_to }: signs in with the mailed 6-digit code (5 attempts per code, 15 minutes,
// and a ceiling on wrong codes per network address, counted in SQL).
import type { Config } from "@netlify/functions";
import { codeHash, ipHash } from "../lib/auth/crypto.ts";
import { emailFrom } from "../lib/auth/email-cookie.ts";
import { codeInput } from "../lib/auth/schemas.ts";
import { type OpenedSession, signedIn } from "../lib/auth/signed-in.ts";
import { getDataPort } from "../lib/db/index.ts";
import { handler } from "../lib/http/handler.ts";
import { readInput } from "../lib/http/input.ts";
import { formStateFrom } from "../lib/ideabox/form-state.ts";
import { codePage } from "../lib/pages/sign-in.ts";

export default handler({
  async POST(ctx) {
    const { email, code } = await readInput(ctx, codeInput);
    const port = await getDataPort();
    const session = await port.call<OpenedSession>("consume_sign_in_code", {
      p_email: email,
      p_code_hash: codeHash(code),
      p_ip_hash: ipHash(ctx.ip),
      p_user_agent: ctx.req.headers.get("user-agent"),
    });
    return signedIn(ctx, session);
  },

  async formError(ctx, error) {
    const typed = typeof ctx.input?.email === "string" ? ctx.input.email : emailFrom(ctx.req);
    return codePage(ctx.lang, ctx.returnTo, typed, formStateFrom(ctx, error, ["email", "code"]), error.status);
  },
});

export const config: Config = { path: "/api/auth/code" };
