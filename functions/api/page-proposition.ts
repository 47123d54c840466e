// The live page of one proposition: its text, support toggle, one page of its comments (?page=N) and the
// comment/reply forms.
import type { Config } from "@netlify/functions";
import { handler } from "../lib/http/handler.ts";
import { propositionIdOf } from "../lib/ideabox/ids.ts";
import { detailResponse, detailView } from "../lib/ideabox/views.ts";

export default handler({
  async GET(ctx) {
    const id = propositionIdOf(ctx);
    return detailResponse(ctx, await detailView(ctx, id));
  },
});

export const config: Config = {
  path: ["/consultations/:slug/propositions/:id/", "/en/consultations/:slug/propositions/:id/"],
};
