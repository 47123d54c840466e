// POST { body, parent_id?, alignment? }: a signed-in citizen comments on a proposition or replies to a comment.
import type { Config } from "@netlify/functions";
import { requireSession } from "../lib/auth/session.ts";
import { getDataPort } from "../lib/db/index.ts";
import { backWithFlash, handler } from "../lib/http/handler.ts";
import { propositionIdOf } from "../lib/ideabox/ids.ts";
import { readInput } from "../lib/http/input.ts";
import { json } from "../lib/http/respond.ts";
import { commentLanding, type NewCommentRow } from "../lib/ideabox/comment-landing.ts";
import { formStateFrom } from "../lib/ideabox/form-state.ts";
import { commentInput } from "../lib/ideabox/schemas.ts";
import { detailResponse, detailView, pageFrom, repliesResponse, repliesView } from "../lib/ideabox/views.ts";

export default handler({
  async POST(ctx) {
    const id = propositionIdOf(ctx);
    const input = await readInput(ctx, commentInput);
    const port = await getDataPort();
    const comment = await port.call<NewCommentRow>("comment_proposition", {
      p_session_id: requireSession(ctx.req),
      p_proposition_id: id,
      p_parent_id: input.parent_id,
      p_body: input.body,
      p_alignment: input.alignment,
    });
    if (ctx.json) return json({ comment }, 201);
    // Not back to the form's page: the new comment may show on another page of comments or replies.
    ctx.returnTo = commentLanding(ctx.lang, comment);
    return backWithFlash(ctx, "comment_added");
  },

  async formError(ctx, error) {
    const id = propositionIdOf(ctx);
    const input = ctx.input?.parent_id;
    const parentId = typeof input === "string" && input ? input : null;
    const form = { ...formStateFrom(ctx, error, ["body", "alignment"]), parentId };
    // The form is shown again on the page it came from: a replies view, or a page of the proposition.
    const from = new URL(ctx.returnTo, ctx.url);
    if (parentId && from.pathname.endsWith(`/reponses/${parentId}/`)) {
      return repliesResponse(ctx, await repliesView(ctx, parentId, form, pageFrom(from)), error.status);
    }
    return detailResponse(ctx, await detailView(ctx, id, form, pageFrom(from)), error.status);
  },
});

export const config: Config = { path: "/api/propositions/:id/comments" };
