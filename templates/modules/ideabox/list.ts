// The idea box list: flash, read-only notice or proposition form, sort/filter form, then the propositions.
import { t } from "../../../site/_lib/i18n/index.ts";
import { filterForm, propositionForm, propositionFormId } from "./forms.ts";
import { count } from "./format.ts";
import { html, type SafeHtml } from "./html.ts";
import { renderItem } from "./item.ts";
import { pager } from "./pager.ts";
import { content, flashMessage, root } from "./root.ts";
import type { ListView } from "./types.ts";
import { urls } from "./urls.ts";

function submissionArea(v: ListView, listUrl: string): SafeHtml | "" {
  if (!v.settings?.submissionsOpen) return "";
  const lang = v.lang;
  let body: SafeHtml;
  if (v.citizen) body = propositionForm(lang, v.consultation, listUrl, v.form);
  else if (v.snapshot) body = html`<p><a class="pl-button pl-button--primary" href="${listUrl}#${propositionFormId}">${t(lang, "ideabox.form.open")}</a></p>`;
  else body = html`<p><a href="${urls.signIn(lang, listUrl)}">${t(lang, "ideabox.form.sign_in")}</a></p>`;
  return html`<section class="ideabox-submit" aria-labelledby="ideabox-submit-title">
  <h3 id="ideabox-submit-title">${t(lang, "ideabox.form.heading")}</h3>
  ${body}
</section>`;
}

/** Pages of the live list, keeping the sort and filters. */
function listPager(v: ListView, listUrl: string): SafeHtml | "" {
  const pages = Math.max(1, Math.ceil(v.total / v.pageSize));
  return pager(v.lang, "pager", { page: v.page, pages }, (page) => {
    const query = new URLSearchParams({ sort: v.sort, ...(v.theme ? { theme: v.theme } : {}), ...(v.district ? { district: v.district } : {}), page: String(page) });
    return `${listUrl}?${query}`;
  });
}

function inner(v: ListView): SafeHtml {
  const lang = v.lang;
  const listUrl = urls.list(lang, v.consultation.slug);
  // A refusal with no form left to show it beside (e.g. the phase closed meanwhile) is announced on its own.
  const formShown = Boolean(v.settings?.submissionsOpen && v.citizen);
  const orphan = !formShown && v.form?.summary ? { text: v.form.summary, kind: "error" as const } : undefined;
  return html`${flashMessage(v.flash ?? orphan)}
<h2 class="ideabox__title" id="ideabox-title">${t(lang, "ideabox.list.heading")} <span class="ideabox__total">(${count(lang, "propositions", v.total)})</span></h2>
${v.settings ? "" : html`<p class="ideabox-notice">${t(lang, "ideabox.list.read_only")}</p>`}
${submissionArea(v, listUrl)}
${filterForm(lang, v.consultation, v)}
${v.items.length
  ? html`<ol class="ideabox-list" aria-labelledby="ideabox-title">
${v.items.map((p) => renderItem(lang, v.consultation, p, v.settings, listUrl))}
</ol>`
  : html`<p class="ideabox-empty">${t(lang, v.theme || v.district ? "ideabox.list.no_match" : "ideabox.list.empty")}</p>`}
${listPager(v, listUrl)}`;
}

/** The whole module (static page and live page). */
export function renderList(v: ListView): SafeHtml {
  return root(v.lang, urls.fragment(v.lang, v.consultation.slug), inner(v), v.snapshot);
}

/** The swappable content only (`?format=fragment`). */
export function renderListContent(v: ListView): SafeHtml {
  return content(inner(v));
}
