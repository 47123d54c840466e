// One proposition's page content: text, support toggle, threaded comments (depth 2) and comment forms.
import { t } from "../../../site/_lib/i18n/index.ts";
import { commentForm } from "./forms.ts";
import { count, paragraphs, time } from "./format.ts";
import { html, type SafeHtml } from "./html.ts";
import { meta, supportArea } from "./item.ts";
import { content, flashMessage, root } from "./root.ts";
import type { Comment, DetailView } from "./types.ts";
import { urls } from "./urls.ts";

function renderComment(v: DetailView, c: Comment, depth: number, returnTo: string): SafeHtml {
  const lang = v.lang;
  const canReply = depth === 1 && v.settings?.commentsOpen && v.citizen;
  const replyState = v.form && v.form.parentId === c.id ? v.form : undefined;
  return html`<li class="ideabox-comment" id="comment-${c.id}">
  <article aria-labelledby="comment-${c.id}-meta">
    <p class="ideabox-comment__meta" id="comment-${c.id}-meta">
      <strong>${c.authorName ?? t(lang, "ideabox.comments.anonymous")}</strong>
      ${c.alignment ? html`<span class="ideabox-alignment ideabox-alignment--${c.alignment}">${t(lang, `ideabox.alignment.${c.alignment}`)}</span>` : ""}
      ${time(lang, c.createdAt)}
    </p>
    <div class="ideabox-comment__body">${paragraphs(c.body)}</div>
    ${canReply
      ? html`<details class="ideabox-reply"${replyState ? html` open` : ""}>
      <summary>${t(lang, "ideabox.comments.reply")}<span class="pl-visually-hidden"> — ${c.authorName ?? t(lang, "ideabox.comments.anonymous")}</span></summary>
      ${commentForm(lang, v.proposition.id, c, returnTo, replyState)}
    </details>`
      : ""}
    ${c.replies.length
      ? html`<ol class="ideabox-comments ideabox-comments--replies">
${c.replies.map((r) => renderComment(v, r, depth + 1, returnTo))}
</ol>`
      : ""}
  </article>
</li>`;
}

function countComments(list: Comment[]): number {
  return list.reduce((n, c) => n + 1 + countComments(c.replies), 0);
}

function commentArea(v: DetailView, returnTo: string): SafeHtml | "" {
  const lang = v.lang;
  if (!v.settings?.commentsOpen) return "";
  if (!v.citizen) return html`<p><a href="${urls.signIn(lang, returnTo)}">${t(lang, "ideabox.comments.sign_in")}</a></p>`;
  const state = v.form && v.form.parentId === null ? v.form : undefined;
  return commentForm(lang, v.proposition.id, null, returnTo, state);
}

function inner(v: DetailView): SafeHtml {
  const lang = v.lang;
  const p = v.proposition;
  const here = urls.detail(lang, v.consultation.slug, p.id);
  const formShown = Boolean(v.settings?.commentsOpen && v.citizen);
  const orphan = !formShown && v.form?.summary ? { text: v.form.summary, kind: "error" as const } : undefined;
  return html`${flashMessage(v.flash ?? orphan)}
<p class="ideabox-back"><a href="${urls.list(lang, v.consultation.slug)}">${t(lang, "ideabox.detail.back", { title: v.consultation.title })}</a></p>
<article class="ideabox-detail" aria-labelledby="ideabox-detail-title">
  <h1 id="ideabox-detail-title">${p.title}</h1>
  ${meta(lang, p)}
  <div class="ideabox-detail__body">${paragraphs(p.body)}</div>
  ${supportArea(lang, p, v.settings, here)}
</article>
<section class="ideabox-discussion" id="ideabox-comments" aria-labelledby="ideabox-comments-title">
  <h2 id="ideabox-comments-title">${t(lang, "ideabox.comments.heading")} <span>(${count(lang, "comments", countComments(p.comments))})</span></h2>
  ${p.comments.length
    ? html`<ol class="ideabox-comments">
${p.comments.map((c) => renderComment(v, c, 1, here))}
</ol>`
    : html`<p class="ideabox-empty">${t(lang, "ideabox.comments.empty")}</p>`}
  ${commentArea(v, here)}
</section>
${v.settings ? "" : html`<p class="ideabox-notice">${t(lang, "ideabox.list.read_only")}</p>`}`;
}

export function renderDetail(v: DetailView): SafeHtml {
  const fragment = `/api/propositions/${encodeURIComponent(v.proposition.id)}?format=fragment&lang=${v.lang}`;
  return root(v.lang, fragment, inner(v));
}

export function renderDetailContent(v: DetailView): SafeHtml {
  return content(inner(v));
}
