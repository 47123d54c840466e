// Builds the idea box views from one data-port read plus the consultation's content, and answers them as a
// whole page, or as the swappable fragment when `format=fragment` (the client's live refresh and submits).
import { entryUrl } from "../../../site/_lib/content/routes.ts";
import type { Lang } from "../../../site/_lib/content/types.ts";
import { t } from "../../../site/_lib/i18n/index.ts";
import { html } from "../../../templates/modules/ideabox/html.ts";
import {
  renderDetail,
  renderDetailContent,
  renderList,
  renderListContent,
} from "../../../templates/modules/ideabox/render.ts";
import type { Citizen, DetailView, FormState, ListView, Sort } from "../../../templates/modules/ideabox/types.ts";
import { urls } from "../../../templates/modules/ideabox/urls.ts";
import type { SignedInCitizen } from "../auth/session.ts";
import { getDataPort } from "../db/index.ts";
import { AppError } from "../http/errors.ts";
import type { RequestContext } from "../http/handler.ts";
import { queryText } from "../http/input.ts";
import { htmlResponse } from "../http/respond.ts";
import { renderPage } from "../pages/shell.ts";
import { consultationRef, findConsultation, openIdeaboxSettings } from "./consultation.ts";
import { flashFrom } from "./flash.ts";
import { type PropositionDetailRow, type PropositionPage, toDetail, toSummary } from "./rows.ts";

export const pageSize = 20;

export interface ListQuery {
  sort: Sort;
  theme: string | null;
  district: string | null;
  /** 1-based. */
  page: number;
}

export function listQueryFrom(url: URL): ListQuery {
  // A NUL or an invisible-only value is a 400 here, before it reaches SQL (issue 6).
  const param = (name: string) => queryText(url, name);
  const page = Number(param("page") ?? "1");
  return {
    sort: param("sort") === "popular" ? "popular" : "recent",
    theme: param("theme"),
    district: param("district"),
    page: Number.isInteger(page) && page >= 1 && page <= 5000 ? page : 1,
  };
}

/** What every live view shares: language, consultation, the settings open now, the citizen, the flash. */
function liveViewBase(ctx: RequestContext, consultation: Awaited<ReturnType<typeof findConsultation>>, citizen: SignedInCitizen | null) {
  return {
    lang: ctx.lang,
    consultation: consultationRef(consultation),
    settings: openIdeaboxSettings(consultation, new Date()),
    citizen,
    snapshot: false,
    flash: flashFrom(ctx.url, ctx.lang),
  };
}

export async function listPropositions(slug: string, query: ListQuery, citizenId: string | null): Promise<PropositionPage> {
  const port = await getDataPort();
  return port.call<PropositionPage>("list_propositions", {
    p_consultation_slug: slug,
    p_sort: query.sort,
    p_theme: query.theme,
    p_district: query.district,
    p_citizen_id: citizenId,
    p_limit: pageSize,
    p_offset: (query.page - 1) * pageSize,
  });
}

export async function listView(
  ctx: RequestContext,
  slug: string,
  citizen: SignedInCitizen | null,
  form?: FormState,
): Promise<ListView> {
  const query = listQueryFrom(ctx.url);
  const [consultation, page] = await Promise.all([
    findConsultation(slug, ctx.lang),
    listPropositions(slug, query, citizen?.id ?? null),
  ]);
  return {
    ...liveViewBase(ctx, consultation, citizen),
    ...query,
    pageSize,
    total: Number(page.total),
    items: page.items.map(toSummary),
    ...(form ? { form } : {}),
  };
}

export async function detailView(
  ctx: RequestContext,
  id: string,
  citizen: SignedInCitizen | null,
  form?: DetailView["form"],
): Promise<DetailView> {
  const port = await getDataPort();
  const row = await port.call<PropositionDetailRow>("get_proposition", { p_proposition_id: id, p_citizen_id: citizen?.id ?? null });
  if (ctx.params.slug && ctx.params.slug !== row.consultation_slug) throw new AppError("proposition_not_found");
  const consultation = await findConsultation(row.consultation_slug, ctx.lang);
  return {
    ...liveViewBase(ctx, consultation, citizen),
    proposition: toDetail(row),
    ...(form ? { form } : {}),
  };
}

export function wantsFragment(url: URL): boolean {
  return url.searchParams.get("format") === "fragment";
}

function accountBar(lang: Lang, citizen: Citizen | null, returnTo: string) {
  if (!citizen) return "";
  return html`<form class="pl-account" method="post" action="/api/auth/sign-out">
  <input type="hidden" name="return_to" value="${returnTo}"><input type="hidden" name="lang" value="${lang}">
  <p>${citizen.displayName ? t(lang, "auth.account.signed_in_as", { name: citizen.displayName }) : t(lang, "auth.flash.signed_in")}
  <button type="submit" class="pl-button pl-button--link">${t(lang, "auth.account.sign_out")}</button>
  <button type="submit" class="pl-button pl-button--link" name="everywhere" value="true">${t(lang, "auth.account.sign_out_everywhere")}</button>
  <a href="${urls.account(lang)}">${t(lang, "account.link")}</a></p>
</form>`;
}

export async function listResponse(ctx: RequestContext, view: ListView, status = 200): Promise<Response> {
  if (wantsFragment(ctx.url)) return htmlResponse(renderListContent(view).value, status);
  const title = t(view.lang, "ideabox.list.page_title", { title: view.consultation.title });
  const consultationUrl = entryUrl("consultations", view.lang, view.consultation.slug);
  const main = html`<div class="pl-container ideabox-page">
${accountBar(view.lang, view.citizen, urls.list(view.lang, view.consultation.slug))}
<p class="ideabox-back"><a href="${consultationUrl}">${t(view.lang, "ideabox.list.back", { title: view.consultation.title })}</a></p>
<h1>${title}</h1>
${renderList(view)}
</div>`;
  return htmlResponse(await renderPage(view.lang, title, main, { script: true, failed: Boolean(view.form) }), status);
}

export async function detailResponse(ctx: RequestContext, view: DetailView, status = 200): Promise<Response> {
  if (wantsFragment(ctx.url)) return htmlResponse(renderDetailContent(view).value, status);
  const title = t(view.lang, "ideabox.detail.page_title", { title: view.proposition.title });
  const here = urls.detail(view.lang, view.consultation.slug, view.proposition.id);
  const main = html`<div class="pl-container ideabox-page">
${accountBar(view.lang, view.citizen, here)}
${renderDetail(view)}
</div>`;
  return htmlResponse(await renderPage(view.lang, title, main, { script: true, failed: Boolean(view.form) }), status);
}
