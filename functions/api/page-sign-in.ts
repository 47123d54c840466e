// GET /connexion/: the sign-in form (email), served by a function so it shares the forms' error handling.
import type { Config } from "@netlify/functions";
import { handler } from "../lib/http/handler.ts";
import { flashFrom } from "../lib/ideabox/flash.ts";
import { signInPage } from "../lib/pages/sign-in.ts";

export default handler({
  async GET(ctx) {
    return signInPage(ctx.lang, ctx.returnTo, undefined, 200, flashFrom(ctx.url, ctx.lang));
  },
});

export const config: Config = { path: ["/connexion/", "/en/connexion/"] };
