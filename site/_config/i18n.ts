// UI strings and language links for templates. Messages come from site/_lib/i18n (one source with the
// functions); the page's `lang` is read from the template context so templates write {{ "ui.x" | t }}.
import { termName } from "../_lib/content/terms.ts";
import { langs, type ContentStore, type Lang } from "../_lib/content/types.ts";
import { t } from "../_lib/i18n/index.ts";
import { buildContent } from "./content.ts";
import type { SiteOptions } from "./options.ts";

const locales: Record<Lang, string> = { fr: "fr-FR", en: "en-GB" };

export function locale(lang: Lang): string {
  return locales[lang];
}

/** Where the language switch points: the same entry in `target`, else that language's home. */
export function switchUrl(alternates: Partial<Record<Lang, string>> | undefined, target: Lang, home: string): string {
  return alternates?.[target] ?? home;
}

/**
 * Where an organizer's link (header links are written once, usually to the French page) leads a reader of
 * `lang`: the translation of the entry it points to, when there is one, else that entry's page and language
 * (the template then says « (in French) »). Any other link is kept, taken to be in the reader's language.
 */
export function localizeLink(url: string, lang: Lang, store: ContentStore): { url: string; lang: Lang } {
  const translations = translationsByUrl(store).get(url);
  const own = translations?.[lang];
  if (!translations || own) return { url: own ?? url, lang };
  return { url, lang: langs.find((other) => translations[other] === url) ?? lang };
}

const indexes = new WeakMap<ContentStore, Map<string, Partial<Record<Lang, string>>>>();

/**
 * Every entry's translations by URL, indexed once per loaded store: header links are localized on every page.
 * (Keyed on the store the build loaded, not on template data, which Eleventy copies per page.)
 */
function translationsByUrl(store: ContentStore): Map<string, Partial<Record<Lang, string>>> {
  let index = indexes.get(store);
  if (!index) {
    const entries = [...store.pages, ...store.consultations, ...store.news, ...store.events];
    index = new Map(entries.map((entry) => [entry.url, entry.translations]));
    indexes.set(store, index);
  }
  return index;
}

export default function i18nPlugin(eleventyConfig: any, options: SiteOptions): void {
  // {{ "ui.x" | t }}, {{ "ui.x" | t({ name: 1 }) }}, or {{ "ui.x" | t("en") }} for a passage in another language.
  eleventyConfig.addFilter(
    "t",
    function (this: any, key: string, paramsOrLang?: Record<string, string | number> | Lang, params?: Record<string, string | number>) {
      if (typeof paramsOrLang === "string") return t(paramsOrLang, key, params);
      return t((this.ctx?.lang ?? "fr") as Lang, key, paramsOrLang);
    },
  );
  eleventyConfig.addFilter("switchUrl", switchUrl);
  eleventyConfig.addFilter("localizeLink", function (this: any, url: string) {
    const lang = (this.ctx?.lang ?? "fr") as Lang;
    const store = buildContent(options);
    return store ? localizeLink(url, lang, store) : { url, lang };
  });
  eleventyConfig.addFilter("termName", termName);
  // For computed data in front matter, which has no template context: data.t(lang, key, params).
  eleventyConfig.addGlobalData("t", () => t);
}
