import ical, { foldLines as icalFoldLines } from "ical-generator";
import { describe, expect, it } from "vitest";
import { loadContent } from "../_lib/content/load.ts";
import { t } from "../_lib/i18n/index.ts";
import type { Event } from "../_lib/content/types.ts";
import { absoluteUrl, agendaCalendar, foldLines } from "./feeds.ts";

describe("iCalendar line folding", () => {
  const long = (unit: string, count: number) => `DESCRIPTION:${unit.repeat(count)}`;
  it.each([
    ["ASCII", long("abc, ", 40)],
    ["accented letters across the 75-octet limit", long("é", 60)],
    ["three-octet characters", long("€ ", 50)],
    ["emoji (surrogate pairs)", long("a🚲", 40)],
    ["a lone high surrogate", `${long("x", 73)}\ud800y${long("z", 10)}`],
    ["a lone high surrogate at the end", `${long("x", 80)}\ud83d`],
    ["a lone low surrogate", `${long("ü", 36)}\udc00${long("q", 90)}`],
    ["several lines, some empty", `BEGIN:VEVENT\r\n\r\n${long("ä1", 50)}\r\nEND:VEVENT\r\n`],
  ])("folds %s as ical-generator does", (_, text) => {
    expect(foldLines(text)).toBe(icalFoldLines(text));
  });
});

describe("agenda calendar", () => {
  it("is the calendar ical-generator writes for the same events", async () => {
    const store = await loadContent("content");
    const [first] = store.events;
    if (!first) throw new Error("the demo content has no event");
    const events: Event[] = [
      ...store.events,
      { ...first, slug: "en-ligne", place: undefined, onlineLink: "https://visio.example/salle?id=1;2" },
      { ...first, slug: "long", summary: "Compte rendu ; « questions », réponses 🚲\nsuite. ".repeat(30) },
    ];
    const stamp = /^DTSTAMP:.*$/gm;
    for (const lang of store.settings.languages) {
      const expected = ical({
        name: t(lang, "ui.feeds.agendaName", { commune: store.settings.communeName }),
        prodId: { company: "Parlons", product: store.settings.communeName, language: lang.toUpperCase() },
        url: absoluteUrl("/", store.settings.baseUrl),
      });
      const host = new URL(store.settings.baseUrl).host;
      for (const event of events) {
        const url = absoluteUrl(event.url, store.settings.baseUrl);
        expected.createEvent({
          id: `${event.slug}@${host}`,
          start: event.start,
          end: event.end,
          summary: event.title,
          description: [event.summary, event.onlineLink, url].filter(Boolean).join("\n\n"),
          location: event.place ?? event.onlineLink ?? null,
          url,
        });
      }
      const written = agendaCalendar(events, store.settings, lang);
      expect(written.replace(stamp, "DTSTAMP")).toBe(expected.toString().replace(stamp, "DTSTAMP"));
    }
  });
});
