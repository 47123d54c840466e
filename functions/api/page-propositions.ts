// The live, JavaScript-free idea box page of a consultation: list, sort and filters, forms, flash messages.
import type { Config } from "@netlify/functions";
import { handler } from "../lib/http/handler.ts";
import { listResponse, listView } from "../lib/ideabox/views.ts";

export default handler({
  async GET(ctx) {
    return listResponse(ctx, await listView(ctx, ctx.params.slug!));
  },
});

export const config: Config = { path: ["/consultations/:slug/propositions/", "/en/consultations/:slug/propositions/"] };
