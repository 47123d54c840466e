// Builds the idea box views from one data-port read plus the consultation's content, and answers them as a
// whole page, or as the swappable fragment when `format=fragment` (the client's live refresh and submits).
import { entryUrl } from "../../../site/_lib/content/routes.ts";
import type { Lang } from "../../../site/_lib/content/types.ts";
import { t } from "../../../site/_lib/i18n/index.ts";
import { html, type SafeHtml } from "../../../templates/modules/ideabox/html.ts";
import {
  renderDetail,
  renderDetailContent,
  renderList,
  renderListContent,
  renderReplies,
  renderRepliesContent,
} from "../../../templates/modules/ideabox/render.ts";
import type { Citizen, DetailView, FormState, ListView, RepliesView, Sort } from "../../../templates/modules/ideabox/types.ts";
import { urls } from "../../../templates/modules/ideabox/urls.ts";
import { sessionIdFrom } from "../auth/cookie.ts";
import { getDataPort } from "../db/index.ts";
import { AppError } from "../http/errors.ts";
import type { RequestContext } from "../http/handler.ts";
import { queryText } from "../http/input.ts";
import { htmlResponse } from "../http/respond.ts";
import { renderPage } from "../pages/shell.ts";
import { consultationRef, findConsultation, openIdeaboxSettings } from "./consultation.ts";
import { flashFrom } from "./flash.ts";
import { type PropositionDetailRow, type PropositionPage, type RepliesRow, toCitizen, toDetail, toPaging, toRepliesComment, toSummary } from "./rows.ts";

export const pageSize = 20;

export interface ListQuery {
  sort: Sort;
  theme: string | null;
  district: string | null;
  /** 1-based. */
  page: number;
}

/** `?page=N` (1-based); anything else is the first page. The SQL brings a page past the end back to the last. */
export function pageFrom(url: URL): number {
  const page = Number(url.searchParams.get("page")?.trim() || "1");
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
}

export function listQueryFrom(url: URL): ListQuery {
  // A NUL or an invisible-only value is a 400 here, before it reaches SQL (issue 6).
  const param = (name: string) => queryText(url, name);
  const page = pageFrom(url);
  return {
    sort: param("sort") === "popular" ? "popular" : "recent",
    theme: param("theme"),
    district: param("district"),
    page: page <= 5000 ? page : 1,
  };
}

/**
 * What every live view shares: language, consultation, the settings open now, the citizen, the flash. The
 * citizen is the `viewer` the view's one read action resolved from the session cookie, in the same call.
 */
function liveViewBase(ctx: RequestContext, consultation: Awaited<ReturnType<typeof findConsultation>>, citizen: Citizen | null) {
  return {
    lang: ctx.lang,
    consultation: consultationRef(consultation, ctx.lang),
    settings: openIdeaboxSettings(consultation, new Date()),
    citizen,
    snapshot: false,
    flash: flashFrom(ctx.url, ctx.lang),
  };
}

/** list_propositions; `sessionId` (the cookie's, unchecked) flags the live session's supports and names its citizen. */
export async function listPropositions(slug: string, query: ListQuery, sessionId: string | null): Promise<PropositionPage> {
  const port = await getDataPort();
  return port.call<PropositionPage>("list_propositions", {
    p_consultation_slug: slug,
    p_sort: query.sort,
    p_theme: query.theme,
    p_district: query.district,
    p_session_id: sessionId,
    p_limit: pageSize,
    p_offset: (query.page - 1) * pageSize,
  });
}

export async function listView(
  ctx: RequestContext,
  slug: string,
  form?: FormState,
): Promise<ListView> {
  const query = listQueryFrom(ctx.url);
  const [consultation, page] = await Promise.all([
    findConsultation(slug, ctx.lang),
    listPropositions(slug, query, sessionIdFrom(ctx.req)),
  ]);
  return {
    ...liveViewBase(ctx, consultation, toCitizen(page.viewer)),
    ...query,
    pageSize,
    total: Number(page.total),
    items: page.items.map(toSummary),
    ...(form ? { form } : {}),
  };
}

/**
 * build_snapshot: the first page of every consultation's propositions (`sort` first, no filter, no citizen),
 * by slug, in one call; the build renders it into each consultation page. A slug absent has none.
 */
export async function firstPages(sort: Sort): Promise<Record<string, PropositionPage>> {
  const port = await getDataPort();
  return port.call<Record<string, PropositionPage>>("build_snapshot", { p_sort: sort, p_limit: pageSize });
}

/** get_proposition: the proposition with one page of its comments, and the session's citizen. */
export async function getProposition(id: string, sessionId: string | null, page: number): Promise<PropositionDetailRow> {
  const port = await getDataPort();
  return port.call<PropositionDetailRow>("get_proposition", { p_proposition_id: id, p_session_id: sessionId, p_page: page });
}

/** list_comment_replies: a root comment with one page of its replies, and the session's citizen. */
export async function listReplies(commentId: string, sessionId: string | null, page: number): Promise<RepliesRow> {
  const port = await getDataPort();
  return port.call<RepliesRow>("list_comment_replies", { p_comment_id: commentId, p_page: page, p_session_id: sessionId });
}

export async function detailView(
  ctx: RequestContext,
  id: string,
  form?: DetailView["form"],
  page = pageFrom(ctx.url),
): Promise<DetailView> {
  const row = await getProposition(id, sessionIdFrom(ctx.req), page);
  if (ctx.params.slug && ctx.params.slug !== row.consultation_slug) throw new AppError("proposition_not_found");
  const consultation = await findConsultation(row.consultation_slug, ctx.lang);
  return {
    ...liveViewBase(ctx, consultation, toCitizen(row.viewer)),
    proposition: toDetail(row),
    commentsPage: toPaging(row.comments_page),
    ...(form ? { form } : {}),
  };
}

/** The replies view of `commentId`; the path's proposition and consultation, when given, must be its own. */
export async function repliesView(
  ctx: RequestContext,
  commentId: string,
  form?: RepliesView["form"],
  page = pageFrom(ctx.url),
): Promise<RepliesView> {
  const row = await listReplies(commentId, sessionIdFrom(ctx.req), page);
  if ((ctx.params.slug && ctx.params.slug !== row.proposition.consultation_slug) || (ctx.params.id && ctx.params.id !== row.proposition.id)) {
    throw new AppError("comment_not_found");
  }
  const consultation = await findConsultation(row.proposition.consultation_slug, ctx.lang);
  return {
    ...liveViewBase(ctx, consultation, toCitizen(row.viewer)),
    proposition: toSummary(row.proposition),
    comment: toRepliesComment(row),
    repliesPage: toPaging(row.replies_page),
    propositionPage: Number(row.proposition_page),
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

/** A live view in the site shell, or its swappable content alone for `format=fragment`. */
async function livePage(
  ctx: RequestContext,
  view: DetailView | RepliesView,
  parts: { title: string; here: string; content: () => SafeHtml; whole: () => SafeHtml },
  status: number,
): Promise<Response> {
  if (wantsFragment(ctx.url)) return htmlResponse(parts.content().value, status);
  const main = html`<div class="pl-container ideabox-page">
${accountBar(view.lang, view.citizen, parts.here)}
${parts.whole()}
</div>`;
  return htmlResponse(await renderPage(view.lang, parts.title, main, { script: true, failed: Boolean(view.form) }), status);
}

export function detailResponse(ctx: RequestContext, view: DetailView, status = 200): Promise<Response> {
  return livePage(ctx, view, {
    title: t(view.lang, "ideabox.detail.page_title", { title: view.proposition.title }),
    here: urls.page(urls.detail(view.lang, view.consultation.slug, view.proposition.id), view.commentsPage.page),
    content: () => renderDetailContent(view),
    whole: () => renderDetail(view),
  }, status);
}

export function repliesResponse(ctx: RequestContext, view: RepliesView, status = 200): Promise<Response> {
  const name = view.comment.authorName ?? t(view.lang, "ideabox.comments.anonymous");
  return livePage(ctx, view, {
    title: t(view.lang, "ideabox.replies.page_title", { name, title: view.proposition.title }),
    here: urls.page(urls.replies(view.lang, view.consultation.slug, view.proposition.id, view.comment.id), view.repliesPage.page),
    content: () => renderRepliesContent(view),
    whole: () => renderReplies(view),
  }, status);
}
