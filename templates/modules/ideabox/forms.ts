// The idea box forms. Each is a real HTML form posting to a function, so it works without JavaScript;
// the client only intercepts submit events on the module root.
import type { Lang } from "../../../site/_lib/content/types.ts";
import { t } from "../../../site/_lib/i18n/index.ts";
import { errorSummary, hiddenContext, select, textarea, textInput } from "./fields.ts";
import { count } from "./format.ts";
import { html, type SafeHtml } from "./html.ts";
import type { Choice, Comment, ConsultationRef, FormState, PropositionSummary, Sort } from "./types.ts";
import { urls } from "./urls.ts";

export const limits = { title: 140, body: 5000, comment: 2000 } as const;

/** A toggle: aria-pressed carries the state, the name carries the count, a check mark avoids colour-only state. */
export function supportForm(lang: Lang, p: PropositionSummary, returnTo: string): SafeHtml {
  const counted = count(lang, "supports", p.supportsCount);
  return html`<form class="ideabox-support" method="post" action="${urls.apiSupport(p.id)}">
  ${hiddenContext(lang, returnTo)}
  <input type="hidden" name="action" value="${p.supported ? "withdraw" : "support"}">
  <button type="submit" class="pl-button ideabox-support__button" aria-pressed="${p.supported ? "true" : "false"}">
    <span class="ideabox-support__mark" aria-hidden="true">${p.supported ? "✓" : "+"}</span>
    ${t(lang, "ideabox.support.button")} <span class="ideabox-support__count">(${counted})</span>
  </button>
</form>`;
}

export function supportCount(lang: Lang, p: PropositionSummary): SafeHtml {
  return html`<p class="ideabox-support ideabox-support--closed">${count(lang, "supports", p.supportsCount)}</p>`;
}

function themeOptions(lang: Lang, choices: Choice[], noneKey: string) {
  return [{ value: "", label: t(lang, noneKey) }, ...choices];
}

export const propositionFormId = "ideabox-proposition";

export function propositionForm(lang: Lang, c: ConsultationRef, returnTo: string, state?: FormState): SafeHtml {
  const id = propositionFormId;
  const labels = {
    title: t(lang, "ideabox.form.title"),
    body: t(lang, "ideabox.form.body"),
    theme: t(lang, "ideabox.form.theme"),
    district: t(lang, "ideabox.form.district"),
  };
  return html`<form class="ideabox-form" id="${id}" method="post" action="${urls.apiList(c.slug)}" novalidate>
  ${errorSummary(lang, id, state, labels)}
  ${hiddenContext(lang, returnTo)}
  ${textInput(lang, { idPrefix: id, name: "title", label: labels.title, hint: t(lang, "ideabox.form.title_hint", { max: limits.title }), state, maxLength: limits.title, required: true })}
  ${textarea(lang, { idPrefix: id, name: "body", label: labels.body, hint: t(lang, "ideabox.form.body_hint", { max: limits.body }), state, maxLength: limits.body, rows: 8, required: true })}
  ${c.themes.length ? select(lang, { idPrefix: id, name: "theme", label: labels.theme, state, options: themeOptions(lang, c.themes, "ideabox.form.no_theme") }) : ""}
  ${c.districts.length ? select(lang, { idPrefix: id, name: "district", label: labels.district, state, options: themeOptions(lang, c.districts, "ideabox.form.no_district") }) : ""}
  <button type="submit" class="pl-button pl-button--primary">${t(lang, "ideabox.form.submit")}</button>
</form>`;
}

export function filterForm(
  lang: Lang,
  c: ConsultationRef,
  current: { sort: Sort; theme: string | null; district: string | null },
): SafeHtml {
  const id = "ideabox-filters";
  return html`<form class="ideabox-filters" method="get" action="${urls.list(lang, c.slug)}" role="search" aria-label="${t(lang, "ideabox.filters.label")}" data-ideabox-filters>
  ${select(lang, { idPrefix: id, name: "sort", label: t(lang, "ideabox.filters.sort"), selected: current.sort, options: [
    { value: "recent", label: t(lang, "ideabox.filters.recent") },
    { value: "popular", label: t(lang, "ideabox.filters.popular") },
  ] })}
  ${c.themes.length ? select(lang, { idPrefix: id, name: "theme", label: t(lang, "ideabox.form.theme"), selected: current.theme ?? "", options: themeOptions(lang, c.themes, "ideabox.filters.all_themes") }) : ""}
  ${c.districts.length ? select(lang, { idPrefix: id, name: "district", label: t(lang, "ideabox.form.district"), selected: current.district ?? "", options: themeOptions(lang, c.districts, "ideabox.filters.all_districts") }) : ""}
  <button type="submit" class="pl-button">${t(lang, "ideabox.filters.apply")}</button>
</form>`;
}

const alignments = ["for", "against", "neutral"] as const;

/** Top-level comment (parent null) or reply form; ids are prefixed per parent so several coexist. */
export function commentForm(
  lang: Lang,
  propositionId: string,
  parent: Comment | null,
  returnTo: string,
  state?: FormState,
): SafeHtml {
  const id = parent ? `ideabox-reply-${parent.id}` : "ideabox-comment";
  const labels = { body: t(lang, parent ? "ideabox.comments.reply_body" : "ideabox.comments.body"), alignment: t(lang, "ideabox.comments.alignment") };
  const chosen = state?.values.alignment ?? "";
  const alignmentError = state?.errors.alignment;
  return html`<form class="ideabox-form ideabox-comment-form" id="${id}" method="post" action="${urls.apiComments(propositionId)}" novalidate>
  ${errorSummary(lang, id, state, labels)}
  ${hiddenContext(lang, returnTo)}
  ${parent ? html`<input type="hidden" name="parent_id" value="${parent.id}">` : ""}
  ${textarea(lang, { idPrefix: id, name: "body", label: labels.body, state, maxLength: limits.comment, rows: 4, required: true })}
  <fieldset class="pl-fieldset"${alignmentError ? html` aria-describedby="${id}-alignment-error"` : ""}>
    <legend class="pl-fieldset__legend">${labels.alignment}</legend>
    ${alignmentError ? html`<p class="pl-field__error" id="${id}-alignment-error">${alignmentError}</p>` : ""}
    <div class="pl-radios">
      <div class="pl-radio"><input type="radio" id="${id}-alignment" name="alignment" value=""${chosen === "" ? html` checked` : ""}><label for="${id}-alignment">${t(lang, "ideabox.alignment.none")}</label></div>
${alignments.map(
  (a) => html`      <div class="pl-radio"><input type="radio" id="${id}-alignment-${a}" name="alignment" value="${a}"${chosen === a ? html` checked` : ""}><label for="${id}-alignment-${a}">${t(lang, `ideabox.alignment.${a}`)}</label></div>`,
)}
    </div>
  </fieldset>
  <button type="submit" class="pl-button pl-button--primary">${t(lang, parent ? "ideabox.comments.reply_submit" : "ideabox.comments.submit")}</button>
</form>`;
}
