// One proposition's page content: text, support toggle, one page of root comments (each with its first
// replies and a link to the others), the comment pager and the comment form.
import { t } from "../../../site/_lib/i18n/index.ts";
import { canComment, newCommentArea, rootItem, type Thread } from "./comments.ts";
import { count, paragraphs } from "./format.ts";
import { html, type SafeHtml } from "./html.ts";
import { meta, supportArea } from "./item.ts";
import { pager } from "./pager.ts";
import { content, flashMessage, root } from "./root.ts";
import type { DetailView } from "./types.ts";
import { urls } from "./urls.ts";

export const commentsAnchor = "#ideabox-comments";

function inner(v: DetailView): SafeHtml {
  const lang = v.lang;
  const p = v.proposition;
  const here = urls.detail(lang, v.consultation.slug, p.id);
  const thread: Thread = {
    lang, slug: v.consultation.slug, propositionId: p.id, settings: v.settings, citizen: v.citizen, form: v.form,
    returnTo: urls.page(here, v.commentsPage.page),
  };
  // A refusal whose form is not on this page (e.g. comments closed meanwhile) is announced on its own.
  const formShown = canComment(thread) && (v.form?.parentId == null || p.comments.some((c) => c.id === v.form?.parentId));
  const orphan = !formShown && v.form?.summary ? { text: v.form.summary, kind: "error" as const } : undefined;
  return html`${flashMessage(v.flash ?? orphan)}
<p class="ideabox-back"><a href="${urls.list(lang, v.consultation.slug)}">${t(lang, "ideabox.detail.back", { title: v.consultation.title })}</a></p>
<article class="ideabox-detail" aria-labelledby="ideabox-detail-title">
  <h1 id="ideabox-detail-title">${p.title}</h1>
  ${meta(lang, v.consultation, p)}
  <div class="ideabox-detail__body">${paragraphs(p.body)}</div>
  ${supportArea(lang, p, v.settings, here)}
</article>
<section class="ideabox-discussion" id="ideabox-comments" aria-labelledby="ideabox-comments-title">
  <h2 id="ideabox-comments-title">${t(lang, "ideabox.comments.heading")} <span>(${count(lang, "comments", p.commentsCount)})</span></h2>
  ${p.comments.length
    ? html`<ol class="ideabox-comments">
${p.comments.map((c) => rootItem(thread, c))}
</ol>`
    : html`<p class="ideabox-empty">${t(lang, "ideabox.comments.empty")}</p>`}
  ${pager(lang, "comments_pager", v.commentsPage, (n) => urls.page(here, n, commentsAnchor))}
  ${newCommentArea(thread)}
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
