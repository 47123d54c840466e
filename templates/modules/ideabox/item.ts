// One proposition in the list: title linking to its page, meta, excerpt, support toggle and comment count.
import type { Lang } from "../../../site/_lib/content/types.ts";
import { t } from "../../../site/_lib/i18n/index.ts";
import { supportCount, supportForm } from "./forms.ts";
import { count, excerpt, time } from "./format.ts";
import { html, type SafeHtml } from "./html.ts";
import type { Choice, ConsultationRef, IdeaboxSettings, PropositionSummary } from "./types.ts";
import { urls } from "./urls.ts";

/** The organizers' outcome; "published" is the default state and needs no badge. */
export function statusBadge(lang: Lang, p: PropositionSummary): SafeHtml | "" {
  if (p.status === "published") return "";
  return html`<span class="ideabox-status ideabox-status--${p.status}">${t(lang, `ideabox.status.${p.status}`)}</span>`;
}

/** The name shown for a stored theme or district (one since removed from the consultation shows as stored). */
const labelOf = (choices: Choice[], value: string) => choices.find((choice) => choice.value === value)?.label ?? value;

export function meta(lang: Lang, c: ConsultationRef, p: PropositionSummary): SafeHtml {
  // The comma stays inside the author's span: the meta line is a flex row, where a bare text node
  // would become an item of its own and drift away from the name.
  return html`<p class="ideabox-meta">
  ${statusBadge(lang, p)}
  ${p.authorName ? html`<span>${t(lang, "ideabox.item.by", { name: p.authorName })},</span>` : ""}
  ${time(lang, p.createdAt)}
  ${p.theme ? html`<span class="ideabox-tag">${t(lang, "ideabox.item.theme", { theme: labelOf(c.themes, p.theme) })}</span>` : ""}
  ${p.district ? html`<span class="ideabox-tag">${t(lang, "ideabox.item.district", { district: labelOf(c.districts, p.district) })}</span>` : ""}
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
  c: ConsultationRef,
  p: PropositionSummary,
  settings: IdeaboxSettings | null,
  returnTo: string,
): SafeHtml {
  const detail = urls.detail(lang, c.slug, p.id);
  return html`<li class="ideabox-item" id="proposition-${p.id}">
  <article class="ideabox-item__card" aria-labelledby="proposition-${p.id}-title">
    <h3 class="ideabox-item__title" id="proposition-${p.id}-title"><a href="${detail}">${p.title}</a></h3>
    ${meta(lang, c, p)}
    <p class="ideabox-item__excerpt">${excerpt(p.body)}</p>
    <div class="ideabox-item__actions">
      ${supportArea(lang, p, settings, returnTo)}
      <a class="ideabox-item__comments" href="${detail}#ideabox-comments">${count(lang, "comments", p.commentsCount)}<span class="pl-visually-hidden"> — ${p.title}</span></a>
    </div>
  </article>
</li>`;
}
