// The live page of a root comment's replies (« N autres réponses »), a page at a time, with its reply form.
import type { Config } from "@netlify/functions";
import { handler } from "../lib/http/handler.ts";
import { commentIdOf } from "../lib/ideabox/ids.ts";
import { repliesResponse, repliesView } from "../lib/ideabox/views.ts";

export default handler({
  async GET(ctx) {
    const id = commentIdOf(ctx);
    return repliesResponse(ctx, await repliesView(ctx, id));
  },
});

export const config: Config = {
  path: ["/consultations/:slug/propositions/:id/reponses/:comment/", "/en/consultations/:slug/propositions/:id/reponses/:comment/"],
};
