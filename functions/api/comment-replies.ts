// GET ?page=N: one page of a root comment's replies, with the comment and its proposition (JSON, or the HTML
// fragment with format=fragment).
import type { Config } from "@netlify/functions";
import { sessionIdFrom } from "../lib/auth/cookie.ts";
import { handler } from "../lib/http/handler.ts";
import { commentIdOf } from "../lib/ideabox/ids.ts";
import { json } from "../lib/http/respond.ts";
import { listReplies, pageFrom, repliesResponse, repliesView, wantsFragment } from "../lib/ideabox/views.ts";

export default handler({
  async GET(ctx) {
    const id = commentIdOf(ctx);
    if (wantsFragment(ctx.url)) return repliesResponse(ctx, await repliesView(ctx, id));
    const { viewer: _viewer, ...replies } = await listReplies(id, sessionIdFrom(ctx.req), pageFrom(ctx.url));
    return json(replies);
  },
});

export const config: Config = { path: "/api/comments/:comment/replies" };
