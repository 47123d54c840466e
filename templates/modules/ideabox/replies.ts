// A root comment's replies on a page of their own (the « N autres réponses » link): the comment, its reply
// form, one page of replies oldest first, and the pager. Long threads stay small a page at a time.
import { t } from "../../../site/_lib/i18n/index.ts";
import { authorOf, canComment, commentArticle, replyForm, replyItem, type Thread } from "./comments.ts";
import { count } from "./format.ts";
import { html, type SafeHtml } from "./html.ts";
import { pager } from "./pager.ts";
import { content, flashMessage, root } from "./root.ts";
import type { RepliesView } from "./types.ts";
import { urls } from "./urls.ts";

export const repliesAnchor = "#ideabox-replies";

function inner(v: RepliesView): SafeHtml {
  const lang = v.lang;
  const p = v.proposition;
  const c = v.comment;
  const here = urls.replies(lang, v.consultation.slug, p.id, c.id);
  const thread: Thread = {
    lang, slug: v.consultation.slug, propositionId: p.id, settings: v.settings, citizen: v.citizen, form: v.form,
    returnTo: urls.page(here, v.repliesPage.page),
  };
  const orphan = !canComment(thread) && v.form?.summary ? { text: v.form.summary, kind: "error" as const } : undefined;
  const back = urls.page(urls.detail(lang, v.consultation.slug, p.id), v.propositionPage, `#comment-${c.id}`);
  return html`${flashMessage(v.flash ?? orphan)}
<p class="ideabox-back"><a href="${back}">${t(lang, "ideabox.replies.back", { title: p.title })}</a></p>
<h1 id="ideabox-replies-title">${t(lang, "ideabox.replies.heading", { name: authorOf(lang, c) })}</h1>
<div class="ideabox-comment ideabox-comment--root" id="comment-${c.id}">
  ${commentArticle(lang, c, replyForm(thread, c))}
</div>
<section class="ideabox-discussion" id="ideabox-replies" aria-labelledby="ideabox-replies-count">
  <h2 id="ideabox-replies-count">${count(lang, "replies", v.repliesPage.total)}</h2>
  ${c.replies.length
    ? html`<ol class="ideabox-comments ideabox-comments--replies">
${c.replies.map((r) => replyItem(lang, r))}
</ol>`
    : html`<p class="ideabox-empty">${t(lang, "ideabox.replies.empty")}</p>`}
  ${pager(lang, "replies_pager", v.repliesPage, (n) => urls.page(here, n, repliesAnchor))}
</section>`;
}

export function renderReplies(v: RepliesView): SafeHtml {
  const fragment = `${urls.apiReplies(v.comment.id)}?format=fragment&lang=${v.lang}`;
  return root(v.lang, fragment, inner(v));
}

export function renderRepliesContent(v: RepliesView): SafeHtml {
  return content(inner(v));
}
