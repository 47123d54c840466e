// UI strings and language links for templates. Messages come from site/_lib/i18n (one source with the
// functions); the page's `lang` is read from the template context so templates write {{ "ui.x" | t }}.
import type { ContentStore, Lang } from "../_lib/content/types.ts";
import { t } from "../_lib/i18n/index.ts";

const locales: Record<Lang, string> = { fr: "fr-FR", en: "en-GB" };

export function locale(lang: Lang): string {
  return locales[lang];
}

/** Where the language switch points: the same entry in `target`, else that language's home. */
export function switchUrl(alternates: Partial<Record<Lang, string>> | undefined, target: Lang, home: string): string {
  return alternates?.[target] ?? home;
}

/**
 * An organizer's link (header links are written once, usually to the French page) in the reader's language:
 * the translation of the entry it points to, when there is one.
 */
export function localizeUrl(url: string, lang: Lang, store: ContentStore): string {
  const entries = [...store.pages, ...store.consultations, ...store.news, ...store.events];
  return entries.find((entry) => entry.url === url)?.translations[lang] ?? url;
}

export default function i18nPlugin(eleventyConfig: any): void {
  // {{ "ui.x" | t }}, {{ "ui.x" | t({ name: 1 }) }}, or {{ "ui.x" | t("en") }} for a passage in another language.
  eleventyConfig.addFilter(
    "t",
    function (this: any, key: string, paramsOrLang?: Record<string, string | number> | Lang, params?: Record<string, string | number>) {
      if (typeof paramsOrLang === "string") return t(paramsOrLang, key, params);
      return t((this.ctx?.lang ?? "fr") as Lang, key, paramsOrLang);
    },
  );
  eleventyConfig.addFilter("switchUrl", switchUrl);
  eleventyConfig.addFilter("localizeUrl", function (this: any, url: string) {
    return localizeUrl(url, (this.ctx?.lang ?? "fr") as Lang, this.ctx.store as ContentStore);
  });
  // For computed data in front matter, which has no template context: data.t(lang, key, params).
  eleventyConfig.addGlobalData("t", () => t);
}
