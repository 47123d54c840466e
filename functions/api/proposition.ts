// GET: one proposition with its threaded comments (JSON, or the HTML fragment with format=fragment).
import type { Config } from "@netlify/functions";
import { currentCitizen } from "../lib/auth/session.ts";
import { getDataPort } from "../lib/db/index.ts";
import { handler } from "../lib/http/handler.ts";
import { propositionIdOf } from "../lib/ideabox/ids.ts";
import { json } from "../lib/http/respond.ts";
import { detailResponse, detailView, wantsFragment } from "../lib/ideabox/views.ts";

export default handler({
  async GET(ctx) {
    const id = propositionIdOf(ctx);
    const citizen = await currentCitizen(ctx.req);
    if (wantsFragment(ctx.url)) return detailResponse(ctx, await detailView(ctx, id, citizen));
    const port = await getDataPort();
    return json({ proposition: await port.call("get_proposition", { p_proposition_id: id, p_citizen_id: citizen?.id ?? null }) });
  },
});

export const config: Config = { path: "/api/propositions/:id" };
