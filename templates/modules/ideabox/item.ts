// One proposition in the list: title linking to its page, meta, excerpt, support toggle and comment count.
import type { Lang } from "../../../site/_lib/content/types.ts";
import { t } from "../../../site/_lib/i18n/index.ts";
import { supportCount, supportForm } from "./forms.ts";
import { count, excerpt, time } from "./format.ts";
import { html, type SafeHtml } from "./html.ts";
import type { IdeaboxSettings, PropositionSummary } from "./types.ts";
import { urls } from "./urls.ts";

export function meta(lang: Lang, p: PropositionSummary): SafeHtml {
  return html`<p class="ideabox-meta">
  ${p.authorName ? html`<span>${t(lang, "ideabox.item.by", { name: p.authorName })}</span>, ` : ""}${time(lang, p.createdAt)}
  ${p.theme ? html`<span class="ideabox-tag">${t(lang, "ideabox.item.theme", { theme: p.theme })}</span>` : ""}
  ${p.district ? html`<span class="ideabox-tag">${t(lang, "ideabox.item.district", { district: p.district })}</span>` : ""}
</p>`;
}

export function supportArea(
  lang: Lang,
  p: PropositionSummary,
  settings: IdeaboxSettings | null,
  returnTo: string,
): SafeHtml {
  return settings?.supportsOpen ? supportForm(lang, p, returnTo) : supportCount(lang, p);
}

export function renderItem(
  lang: Lang,
  slug: string,
  p: PropositionSummary,
  settings: IdeaboxSettings | null,
  returnTo: string,
): SafeHtml {
  const detail = urls.detail(lang, slug, p.id);
  return html`<li class="ideabox-item" id="proposition-${p.id}">
  <article class="ideabox-item__card" aria-labelledby="proposition-${p.id}-title">
    <h3 class="ideabox-item__title" id="proposition-${p.id}-title"><a href="${detail}">${p.title}</a></h3>
    ${meta(lang, p)}
    <p class="ideabox-item__excerpt">${excerpt(p.body)}</p>
    <div class="ideabox-item__actions">
      ${supportArea(lang, p, settings, returnTo)}
      <a class="ideabox-item__comments" href="${detail}#ideabox-comments">${count(lang, "comments", p.commentsCount)}<span class="pl-visually-hidden"> — ${p.title}</span></a>
    </div>
  </article>
</li>`;
}
