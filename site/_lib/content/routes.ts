// The URL scheme of the public site, in one place: French at the root, English under /en/.
import type { Entry, Lang } from "./types.ts";

export type Section = Entry["collection"];

/** URL prefix of each collection in each language; an entry lives at `<prefix><slug>/`. */
export const routes: Record<Section, Record<Lang, string>> = {
  consultations: { fr: "/consultations/", en: "/en/consultations/" },
  news: { fr: "/actualites/", en: "/en/news/" },
  events: { fr: "/agenda/", en: "/en/agenda/" },
  pages: { fr: "/", en: "/en/" },
};

/** Slugs are file names and URL segments: lowercase ASCII letters, digits and single hyphens. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const homeUrl: Record<Lang, string> = { fr: "/", en: "/en/" };

export function entryUrl(collection: Section, lang: Lang, slug: string): string {
  return `${routes[collection][lang]}${slug}/`;
}

/**
 * First path segments that static pages may not use as slugs, because a section, an asset folder, the
 * functions or the admin already live there.
 */
export const reservedSlugs: ReadonlySet<string> = new Set([
  "en",
  "fr",
  "consultations",
  "actualites",
  "news",
  "agenda",
  "admin",
  "api",
  "assets",
  "media",
  "_shell",
  "feed",
  "feeds",
  "404",
  "accessibilite",
  "accessibility",
  "plan-du-site",
  "sitemap",
]);
