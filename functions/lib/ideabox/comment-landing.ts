// Where a plain form post lands after a new comment: the page that shows it (comments are paged, so the
// page the form came from may not), scrolled to the comment itself.
import type { Lang } from "../../../site/_lib/content/types.ts";
import { urls } from "../../../templates/modules/ideabox/urls.ts";
import type { CommentRow } from "./rows.ts";

/** comment_proposition's answer: the comment and where it shows. */
export interface NewCommentRow extends CommentRow {
  location: { consultation_slug: string; page: number; replies_page: number | null };
}

export function commentLanding(lang: Lang, comment: NewCommentRow): string {
  const { consultation_slug: slug, page, replies_page: repliesPage } = comment.location;
  const path =
    comment.parent_id && repliesPage
      ? urls.page(urls.replies(lang, slug, comment.proposition_id, comment.parent_id), repliesPage)
      : urls.page(urls.detail(lang, slug, comment.proposition_id), page);
  return `${path}#comment-${comment.id}`;
}
