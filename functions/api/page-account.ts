// GET /compte/: the signed-in citizen's account page; anyone else signs in first and comes back here.
import type { Config } from "@netlify/functions";
import { urls } from "../../templates/modules/ideabox/urls.ts";
import { sessionIdFrom } from "../lib/auth/cookie.ts";
import { AppError } from "../lib/http/errors.ts";
import { handler } from "../lib/http/handler.ts";
import { seeOther } from "../lib/http/respond.ts";
import { accountResponse } from "../lib/pages/account.ts";

export default handler({
  async GET(ctx) {
    const sessionId = sessionIdFrom(ctx.req);
    try {
      // The page's one call checks the session too: no cookie, or a dead session, signs in first.
      if (sessionId) return await accountResponse(ctx, sessionId);
    } catch (error) {
      if (!(error instanceof AppError && error.code === "session_expired")) throw error;
    }
    return seeOther(urls.signIn(ctx.lang, urls.account(ctx.lang)));
  },
});

export const config: Config = { path: ["/compte/", "/en/compte/"] };
