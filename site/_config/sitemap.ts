// Which pages search engines are told about: everything in collections.all except unlisted consultations,
// pages marked noindex and files that are not HTML pages.
import type { Lang } from "../_lib/content/types.ts";

interface CollectionItem {
  url: string | false;
  data: {
    noindex?: boolean;
    entry?: { translations: Partial<Record<Lang, string>>; visibility?: string };
    section?: string;
    routes: Record<string, Partial<Record<Lang, string>>>;
    store: { settings: { languages: Lang[] } };
  };
}

export interface SitemapEntry {
  url: string;
  alternates: Partial<Record<Lang, string>>;
}

export function indexable(items: CollectionItem[]): SitemapEntry[] {
  return items
    .filter((item): item is CollectionItem & { url: string } => typeof item.url === "string" && item.url.endsWith("/"))
    .filter((item) => !item.data.noindex && item.data.entry?.visibility !== "unlisted")
    .map((item) => {
      const all = item.data.entry?.translations ?? (item.data.section ? item.data.routes[item.data.section] : {}) ?? {};
      const published = item.data.store.settings.languages;
      const alternates = Object.fromEntries(Object.entries(all).filter(([lang]) => published.includes(lang as Lang)));
      return { url: item.url, alternates: Object.keys(alternates).length > 1 ? alternates : {} };
    });
}

export default function sitemapPlugin(eleventyConfig: any): void {
  eleventyConfig.addFilter("indexable", indexable);
}
