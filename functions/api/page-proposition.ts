// The live page of one proposition: its text, support toggle, one page of its comments (?page=N) and the
// comment/reply forms.
import type { Config } from "@netlify/functions";
import { currentCitizen } from "../lib/auth/session.ts";
import { handler } from "../lib/http/handler.ts";
import { propositionIdOf } from "../lib/ideabox/ids.ts";
import { detailResponse, detailView } from "../lib/ideabox/views.ts";

export default handler({
  async GET(ctx) {
    const id = propositionIdOf(ctx);
    const citizen = await currentCitizen(ctx.req);
    return detailResponse(ctx, await detailView(ctx, id, citizen));
  },
});

export const config: Config = {
  path: ["/consultations/:slug/propositions/:id/", "/en/consultations/:slug/propositions/:id/"],
};
