// A comment as the detail page and the replies view show it: author, alignment, date, text; on a root
// comment, its reply form, previews of the first replies (« Lire la suite » leads to their full text) and a
// link to the others, so a page never carries a whole thread.
import type { Lang } from "../../../site/_lib/content/types.ts";
import { t } from "../../../site/_lib/i18n/index.ts";
import { commentForm } from "./forms.ts";
import { count, paragraphs, time } from "./format.ts";
import { html, type SafeHtml } from "./html.ts";
import type { Citizen, Comment, FormState, IdeaboxSettings } from "./types.ts";
import { urls } from "./urls.ts";

export interface Thread {
  lang: Lang;
  slug: string;
  propositionId: string;
  settings: IdeaboxSettings | null;
  citizen: Citizen | null;
  form?: FormState & { parentId: string | null };
  /** Where a comment form comes back to. */
  returnTo: string;
}

export const authorOf = (lang: Lang, c: Comment) => c.authorName ?? t(lang, "ideabox.comments.anonymous");

/** Whether the signed-in citizen may reply here; the SQL action decides for good. */
export const canComment = (x: Thread) => Boolean(x.settings?.commentsOpen && x.citizen);

/** The reply form of a root comment, open again when it is the one that failed. */
export function replyForm(x: Thread, c: Comment): SafeHtml | "" {
  if (!canComment(x)) return "";
  const state = x.form && x.form.parentId === c.id ? x.form : undefined;
  return html`<details class="ideabox-reply"${state ? html` open` : ""}>
      <summary>${t(x.lang, "ideabox.comments.reply")}<span class="pl-visually-hidden"> — ${authorOf(x.lang, c)}</span></summary>
      ${commentForm(x.lang, x.propositionId, c, x.returnTo, state)}
    </details>`;
}

/** Author, alignment, date and text; `extra` follows inside the article (reply form, replies). */
export function commentArticle(lang: Lang, c: Comment, extra: SafeHtml | "" = ""): SafeHtml {
  return html`<article aria-labelledby="comment-${c.id}-meta">
    <p class="ideabox-comment__meta" id="comment-${c.id}-meta">
      <strong>${authorOf(lang, c)}</strong>
      ${c.alignment ? html`<span class="ideabox-alignment ideabox-alignment--${c.alignment}">${t(lang, `ideabox.alignment.${c.alignment}`)}</span>` : ""}
      ${time(lang, c.createdAt)}
    </p>
    <div class="ideabox-comment__body">${paragraphs(c.truncated ? `${c.body}…` : c.body)}</div>
    ${extra}
  </article>`;
}

/** A reply; a preview (under its root) links to its full text at `fullText`. */
export function replyItem(lang: Lang, r: Comment, fullText?: string): SafeHtml {
  const more = r.truncated && fullText
    ? html`<p class="ideabox-read-more"><a href="${fullText}" aria-describedby="comment-${r.id}-meta">${t(lang, "ideabox.comments.read_more")}<span class="pl-visually-hidden"> ${t(lang, "ideabox.comments.read_more_context", { name: authorOf(lang, r) })}</span></a></p>`
    : "";
  return html`<li class="ideabox-comment" id="comment-${r.id}">
  ${commentArticle(lang, r, more)}
</li>`;
}

/** A root comment on the proposition's page: its reply form, its first replies, a link to the others. */
export function rootItem(x: Thread, c: Comment): SafeHtml {
  const lang = x.lang;
  const others = c.repliesCount - c.replies.length;
  const thread = urls.replies(lang, x.slug, x.propositionId, c.id);
  // The replies shown here are the first ones, so their full text is on the replies view's first page.
  const replies = html`${replyForm(x, c)}
    ${c.replies.length
      ? html`<ol class="ideabox-comments ideabox-comments--replies">
${c.replies.map((r) => replyItem(lang, r, `${thread}#comment-${r.id}`))}
</ol>`
      : ""}
    ${others > 0
      ? html`<p class="ideabox-more-replies"><a href="${thread}">${count(lang, "more_replies", others)}<span class="pl-visually-hidden"> — ${authorOf(lang, c)}</span></a></p>`
      : ""}`;
  return html`<li class="ideabox-comment" id="comment-${c.id}">
  ${commentArticle(lang, c, replies)}
</li>`;
}

/** The form for a new root comment, or the invitation to sign in. */
export function newCommentArea(x: Thread): SafeHtml | "" {
  if (!x.settings?.commentsOpen) return "";
  if (!x.citizen) return html`<p><a href="${urls.signIn(x.lang, x.returnTo)}">${t(x.lang, "ideabox.comments.sign_in")}</a></p>`;
  const state = x.form && x.form.parentId === null ? x.form : undefined;
  return commentForm(x.lang, x.propositionId, null, x.returnTo, state);
}
