// Subscriptions: the agenda as iCalendar (built with ical-generator) and absolute URLs for the Atom feed
// (site/news/feed.njk) and the page metadata.
import ical from "ical-generator";
import type { Event, Lang, SiteSettings } from "../_lib/content/types.ts";
import { t } from "../_lib/i18n/index.ts";

export function absoluteUrl(url: string, baseUrl: string): string {
  return new URL(url, baseUrl).href;
}

export function agendaCalendar(events: Event[], settings: SiteSettings, lang: Lang): string {
  const calendar = ical({
    name: t(lang, "ui.feeds.agendaName", { commune: settings.communeName }),
    prodId: { company: "Parlons", product: settings.communeName, language: lang.toUpperCase() },
    url: absoluteUrl("/", settings.baseUrl),
  });
  const host = new URL(settings.baseUrl).host;
  for (const event of events) {
    const url = absoluteUrl(event.url, settings.baseUrl);
    calendar.createEvent({
      // Same identity in both languages' calendars: a subscriber to both sees one event.
      id: `${event.slug}@${host}`,
      start: event.start,
      end: event.end,
      summary: event.title,
      description: [event.summary, event.onlineLink, url].filter(Boolean).join("\n\n"),
      location: event.place ?? event.onlineLink ?? null,
      url,
    });
  }
  return calendar.toString();
}

export default function feedsPlugin(eleventyConfig: any): void {
  eleventyConfig.addFilter("absoluteUrl", absoluteUrl);
  eleventyConfig.addFilter("icalendar", agendaCalendar);
}
