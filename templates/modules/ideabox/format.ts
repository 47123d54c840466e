// Small, locale-aware text helpers for the idea box: dates, counts with plurals, paragraphs of plain text.
import type { Lang } from "../../../site/_lib/content/types.ts";
import { t } from "../../../site/_lib/i18n/index.ts";
import { html, type SafeHtml } from "./html.ts";

const locales: Record<Lang, string> = { fr: "fr-FR", en: "en-GB" };

export function formatDate(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(locales[lang], { dateStyle: "long", timeZone: "Europe/Paris" }).format(new Date(iso));
}

export function time(lang: Lang, iso: string): SafeHtml {
  return html`<time datetime="${iso}">${formatDate(lang, iso)}</time>`;
}

/** `ideabox.count.<noun>.one|other` with {count}; French treats 0 and 1 as singular. */
export function count(lang: Lang, noun: string, n: number): string {
  const form = new Intl.PluralRules(locales[lang]).select(n) === "one" ? "one" : "other";
  return t(lang, `ideabox.count.${noun}.${form}`, { count: n });
}

/** Citizen text as paragraphs: blank lines split paragraphs, single newlines become <br>. Always escaped. */
export function paragraphs(text: string): SafeHtml[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => html`<p>${p.split("\n").map((line, i) => (i === 0 ? line : html`<br>${line}`))}</p>`);
}

export function excerpt(text: string, max = 280): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
