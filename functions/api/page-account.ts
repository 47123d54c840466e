// GET /compte/: the signed-in citizen's account page; anyone else signs in first and comes back here.
import type { Config } from "@netlify/functions";
import { urls } from "../../templates/modules/ideabox/urls.ts";
import { currentCitizen } from "../lib/auth/session.ts";
import { handler } from "../lib/http/handler.ts";
import { seeOther } from "../lib/http/respond.ts";
import { accountResponse } from "../lib/pages/account.ts";

export default handler({
  async GET(ctx) {
    const citizen = await currentCitizen(ctx.req);
    if (!citizen) return seeOther(urls.signIn(ctx.lang, urls.account(ctx.lang)));
    return accountResponse(ctx, citizen);
  },
});

export const config: Config = { path: ["/compte/", "/en/compte/"] };
