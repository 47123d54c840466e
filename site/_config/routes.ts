// URLs of the pages the build adds around the content (lists, feeds, statements) in each language. Entry URLs
// and section prefixes come from the content model's routes, so both sides agree.
import { homeUrl, routes as sections } from "../_lib/content/routes.ts";
import type { Lang } from "../_lib/content/types.ts";
import { deepFreeze } from "./freeze.ts";

export const routes = {
  home: homeUrl,
  consultations: sections.consultations,
  news: sections.news,
  agenda: sections.events,
  accessibility: { fr: "/accessibilite/", en: "/en/accessibility/" },
  siteMap: { fr: "/plan-du-site/", en: "/en/sitemap/" },
  newsFeed: { fr: "/actualites/feed.xml", en: "/en/news/feed.xml" },
  agendaFeed: { fr: "/agenda/agenda.ics", en: "/en/agenda/agenda.ics" },
  shell: { fr: "/_shell/fr.html", en: "/_shell/en.html" },
  notFound: { fr: "/404.html", en: "/en/404.html" },
} as const satisfies Record<string, Record<Lang, string>>;

export type RouteName = keyof typeof routes;

export function route(name: RouteName, lang: Lang): string {
  return routes[name][lang];
}

export default function routesPlugin(eleventyConfig: any): void {
  eleventyConfig.addGlobalData("routes", deepFreeze(routes));
  eleventyConfig.addFilter("route", function (this: any, name: RouteName, lang?: Lang) {
    return route(name, lang ?? this.ctx?.lang ?? "fr");
  });
}
