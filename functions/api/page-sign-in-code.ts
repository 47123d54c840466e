// GET /connexion/code/: where the citizen lands after asking for a mail, to type the 6-digit code.
import type { Config } from "@netlify/functions";
import { emailFrom } from "../lib/auth/email-cookie.ts";
import { handler } from "../lib/http/handler.ts";
import { codePage } from "../lib/pages/sign-in.ts";

export default handler({
  async GET(ctx) {
    return codePage(ctx.lang, ctx.returnTo, emailFrom(ctx.req));
  },
});

export const config: Config = { path: ["/connexion/code/", "/en/connexion/code/"] };
