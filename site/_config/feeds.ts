// Subscriptions: the agenda as iCalendar (built with ical-generator) and absolute URLs for the Atom feed
// (site/news/feed.njk) and the page metadata.
import ical from "ical-generator";
import type { Event, Lang, SiteSettings } from "../_lib/content/types.ts";
import { t } from "../_lib/i18n/index.ts";

export function absoluteUrl(url: string, baseUrl: string): string {
  return new URL(url, baseUrl).href;
}

/** UTF-8 length of a character, as TextEncoder counts it (a lone surrogate becomes U+FFFD, three octets). */
function octets(char: string): number {
  const code = char.charCodeAt(0);
  if (char.length === 1) return code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
  return Buffer.byteLength(char, "utf8");
}

/**
 * ical-generator's line folding (RFC 5545 §3.1: lines of at most 75 octets, continued after CRLF and a space),
 * character for character. Its own runs a TextEncoder per character: 0.6 s for the agenda of a large commune.
 */
export function foldLines(text: string): string {
  return text
    .split("\r\n")
    .map((line) => {
      let folded = "";
      let from = 0;
      let count = 0;
      for (let i = 0; i < line.length; i++) {
        const start = i;
        const code = line.charCodeAt(i);
        // A high surrogate takes the next character with it, whatever it is, as ical-generator does.
        if (code >= 0xd800 && code <= 0xdbff && i + 1 < line.length) i++;
        const size = octets(line.slice(start, i + 1));
        count += size;
        if (count > 74) {
          folded += `${line.slice(from, start)}\r\n `;
          from = start;
          count = size;
        }
      }
      return folded + line.slice(from);
    })
    .join("\r\n");
}

export function agendaCalendar(events: Event[], settings: SiteSettings, lang: Lang): string {
  const calendar = ical({
    name: t(lang, "ui.feeds.agendaName", { commune: settings.communeName }),
    prodId: { company: "Parlons", product: settings.communeName, language: lang.toUpperCase() },
    url: absoluteUrl("/", settings.baseUrl),
  });
  const host = new URL(settings.baseUrl).host;
  const unfolded = events.map((event) => {
    const url = absoluteUrl(event.url, settings.baseUrl);
    return calendar
      .createEvent({
        // Same identity in both languages' calendars: a subscriber to both sees one event.
        id: `${event.slug}@${host}`,
        start: event.start,
        end: event.end,
        summary: event.title,
        description: [event.summary, event.onlineLink, url].filter(Boolean).join("\n\n"),
        location: event.place ?? event.onlineLink ?? null,
        url,
      })
      .toString();
  });
  // The calendar's own toString() folds every line through its slow folding: the events are folded here and
  // set where it writes them, before the closing line (no custom calendar properties follow them).
  calendar.clear();
  const frame = calendar.toString();
  const end = "END:VCALENDAR";
  if (!frame.endsWith(end)) throw new Error("ical-generator no longer ends a calendar with END:VCALENDAR");
  return frame.slice(0, -end.length) + foldLines(unfolded.join("")) + end;
}

export default function feedsPlugin(eleventyConfig: any): void {
  eleventyConfig.addFilter("absoluteUrl", absoluteUrl);
  eleventyConfig.addFilter("icalendar", agendaCalendar);
}
