// GET ?page=N: one proposition with one page of its root comments, each with its first replies (JSON, or the
// HTML fragment with format=fragment).
import type { Config } from "@netlify/functions";
import { sessionIdFrom } from "../lib/auth/cookie.ts";
import { handler } from "../lib/http/handler.ts";
import { propositionIdOf } from "../lib/ideabox/ids.ts";
import { json } from "../lib/http/respond.ts";
import { detailResponse, detailView, getProposition, pageFrom, wantsFragment } from "../lib/ideabox/views.ts";

export default handler({
  async GET(ctx) {
    const id = propositionIdOf(ctx);
    if (wantsFragment(ctx.url)) return detailResponse(ctx, await detailView(ctx, id));
    const { viewer: _viewer, ...proposition } = await getProposition(id, sessionIdFrom(ctx.req), pageFrom(ctx.url));
    return json({ proposition });
  },
});

export const config: Config = { path: "/api/propositions/:id" };
