// Pagination shared by the proposition list, a proposition's comments and a comment's replies: plain links
// (no JavaScript needed) in a labelled nav, the current page marked with aria-current, neighbours and ends
// numbered, gaps shown as an ellipsis so the markup stays small whatever the number of pages.
import type { Lang } from "../../../site/_lib/content/types.ts";
import { t } from "../../../site/_lib/i18n/index.ts";
import { html, type SafeHtml } from "./html.ts";
import type { Paging } from "./types.ts";

/** Message keys under `ideabox.<kind>`: `label`, `previous`, `next` (the rest is shared under `ideabox.pager`). */
export type PagerKind = "pager" | "comments_pager" | "replies_pager";

/** 1, the current page and its neighbours, the last page; null marks a gap. */
export function shownPages(page: number, pages: number): (number | null)[] {
  const wanted = [...new Set([1, page - 1, page, page + 1, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  return wanted.flatMap((n, i) => (i > 0 && n - wanted[i - 1]! > 1 ? [null, n] : [n]));
}

export function pager(lang: Lang, kind: PagerKind, paging: Pick<Paging, "page" | "pages">, link: (page: number) => string): SafeHtml | "" {
  const { page, pages } = paging;
  if (pages <= 1) return "";
  const text = (key: string) => t(lang, `ideabox.${kind}.${key}`);
  return html`<nav class="ideabox-pager" aria-label="${text("label")}">
  ${page > 1 ? html`<a href="${link(page - 1)}" rel="prev">${text("previous")}</a>` : ""}
  <ul class="ideabox-pager__pages">
${shownPages(page, pages).map((n) =>
  n === null
    ? html`    <li aria-hidden="true">…</li>`
    : html`    <li><a href="${link(n)}" aria-label="${t(lang, "ideabox.pager.page", { page: n })}"${n === page ? html` aria-current="page"` : ""}>${n}</a></li>`,
)}
  </ul>
  <span class="ideabox-pager__status">${t(lang, "ideabox.pager.status", { page, pages })}</span>
  ${page < pages ? html`<a href="${link(page + 1)}" rel="next">${text("next")}</a>` : ""}
</nav>`;
}
