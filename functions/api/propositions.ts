// GET: a consultation's propositions (JSON, or the HTML fragment with format=fragment).
// POST: a signed-in citizen submits a proposition.
import type { Config } from "@netlify/functions";
import { requireSession } from "../lib/auth/session.ts";
import { sessionIdFrom } from "../lib/auth/cookie.ts";
import { getDataPort } from "../lib/db/index.ts";
import { backWithFlash, handler } from "../lib/http/handler.ts";
import { readInput } from "../lib/http/input.ts";
import { json } from "../lib/http/respond.ts";
import { formStateFrom } from "../lib/ideabox/form-state.ts";
import type { PropositionRow } from "../lib/ideabox/rows.ts";
import { propositionInput } from "../lib/ideabox/schemas.ts";
import { listPropositions, listQueryFrom, listResponse, listView, wantsFragment } from "../lib/ideabox/views.ts";

export default handler({
  async GET(ctx) {
    const slug = ctx.params.slug!;
    if (wantsFragment(ctx.url)) return listResponse(ctx, await listView(ctx, slug));
    const { total, items } = await listPropositions(slug, listQueryFrom(ctx.url), sessionIdFrom(ctx.req));
    return json({ total, items });
  },

  async POST(ctx) {
    const input = await readInput(ctx, propositionInput);
    const port = await getDataPort();
    const proposition = await port.call<PropositionRow>("submit_proposition", {
      p_session_id: requireSession(ctx.req),
      p_consultation_slug: ctx.params.slug!,
      p_title: input.title,
      p_body: input.body,
      p_theme: input.theme,
      p_district: input.district,
      p_lng: input.lng ?? null,
      p_lat: input.lat ?? null,
    });
    if (ctx.json) return json({ proposition }, 201);
    return backWithFlash(ctx, "proposition_created");
  },

  async formError(ctx, error) {
    const view = await listView(ctx, ctx.params.slug!, formStateFrom(ctx, error, ["title", "body", "theme", "district"]));
    return listResponse(ctx, view, error.status);
  },
});

export const config: Config = { path: "/api/consultations/:slug/propositions" };
