// What each list shows, decided from the build's clock: open, upcoming and finished consultations, upcoming and
// past events, latest news. Every language lists the same entries. Pure functions exported for tests; filters
// for templates.
import { defaultLang, type Consultation, type Entry, type Event, type Lang, type NewsArticle, type Phase } from "../_lib/content/types.ts";
import type { ModuleId } from "../_lib/modules/index.ts";
import type { SiteOptions } from "./options.ts";
import { routes } from "./routes.ts";

export type ConsultationState = "upcoming" | "open" | "finished";

export function currentPhase(consultation: Consultation, now: Date): Phase | undefined {
  return consultation.phases.find((phase) => phase.start <= now && now < phase.end);
}

export function phaseState(phase: Phase, now: Date): ConsultationState {
  if (now < phase.start) return "upcoming";
  return now < phase.end ? "open" : "finished";
}

export function consultationState(consultation: Consultation, now: Date): ConsultationState {
  const starts = consultation.phases.map((phase) => phase.start.getTime());
  const ends = consultation.phases.map((phase) => phase.end.getTime());
  if (starts.length === 0 || now.getTime() < Math.min(...starts)) return "upcoming";
  return now.getTime() < Math.max(...ends) ? "open" : "finished";
}

export function usesModule(consultation: Consultation, module: ModuleId): boolean {
  return consultation.phases.some((phase) => module in phase.modules);
}

/**
 * What a list shows to readers of `lang`: each entry in `lang`, or in French when it has no translation (its
 * card then links to the French page and says so). So an English list has as many items as the French one.
 */
export function forLang<T extends Entry>(entries: T[], lang: Lang): T[] {
  const translations = new Map(entries.filter((entry) => entry.lang === lang).map((entry) => [entry.slug, entry]));
  return entries.filter((entry) => entry.lang === defaultLang).map((entry) => translations.get(entry.slug) ?? entry);
}

/** Consultations shown in lists: unlisted ones are reachable only by their link. */
export function listed(consultations: Consultation[], state: ConsultationState, now: Date): Consultation[] {
  return consultations.filter(
    (consultation) => consultation.visibility === "public" && consultationState(consultation, now) === state,
  );
}

export function latestNews(news: NewsArticle[]): NewsArticle[] {
  return [...news].sort((a, b) => b.date.getTime() - a.date.getTime());
}

export function upcomingEvents(events: Event[], now: Date): Event[] {
  return events.filter((event) => event.end >= now).sort((a, b) => a.start.getTime() - b.start.getTime());
}

export function pastEvents(events: Event[], now: Date): Event[] {
  return events.filter((event) => event.end < now).sort((a, b) => b.start.getTime() - a.start.getTime());
}

/** One page of a list, in one language; page 1 lives at the list's URL, page n at <list>page/<n>/. */
export interface ListPage<T> {
  lang: Lang;
  items: T[];
  number: number;
  count: number;
  url: string;
  previous?: string;
  next?: string;
}

/** Splits each language's entries into pages of `size` (an empty list still gets its first page). */
export function listPages<T extends Entry>(entries: T[], langs: Lang[], firstUrl: Record<Lang, string>, size: number): ListPage<T>[] {
  return langs.flatMap((lang) => {
    const mine = forLang(entries, lang);
    const count = Math.max(1, Math.ceil(mine.length / size));
    const url = (number: number) => (number === 1 ? firstUrl[lang] : `${firstUrl[lang]}page/${number}/`);
    return Array.from({ length: count }, (_, index) => ({
      lang,
      items: mine.slice(index * size, (index + 1) * size),
      number: index + 1,
      count,
      url: url(index + 1),
      ...(index > 0 ? { previous: url(index) } : {}),
      ...(index + 1 < count ? { next: url(index + 2) } : {}),
    }));
  });
}

/** Articles per page of the news list: a commune with years of news keeps each page light. */
export const newsPageSize = 20;

export default function listingsPlugin(eleventyConfig: any, options: SiteOptions): void {
  eleventyConfig.addGlobalData("newsPages", () => (news: NewsArticle[], langs: Lang[]) =>
    listPages(latestNews(news), langs, routes.news, newsPageSize),
  );
  eleventyConfig.addFilter("forLang", forLang);
  eleventyConfig.addFilter("listed", (consultations: Consultation[], state: ConsultationState) =>
    listed(consultations, state, options.clock()),
  );
  eleventyConfig.addFilter("currentPhase", (consultation: Consultation) => currentPhase(consultation, options.clock()));
  eleventyConfig.addFilter("phaseState", (phase: Phase) => phaseState(phase, options.clock()));
  eleventyConfig.addFilter("consultationState", (consultation: Consultation) =>
    consultationState(consultation, options.clock()),
  );
  eleventyConfig.addFilter("usesModule", usesModule);
  eleventyConfig.addFilter("latestNews", latestNews);
  eleventyConfig.addFilter("upcomingEvents", (events: Event[]) => upcomingEvents(events, options.clock()));
  eleventyConfig.addFilter("pastEvents", (events: Event[]) => pastEvents(events, options.clock()));
  eleventyConfig.addFilter("bySlug", <T extends Entry>(entries: T[], slug: string, lang: Lang) =>
    entries.find((entry) => entry.slug === slug && entry.lang === lang) ??
    entries.find((entry) => entry.slug === slug),
  );
}
