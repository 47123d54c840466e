import { describe, expect, it } from "vitest";
import type { Consultation, Event, Phase } from "../_lib/content/types.ts";
import type { NewsArticle } from "../_lib/content/types.ts";
import { consultationState, currentPhase, forLang, listed, listPages, pastEvents, phaseState, upcomingEvents, usesModule } from "./listings.ts";

const day = (d: string) => new Date(`${d}T12:00:00Z`);
const phase = (position: number, start: string, end: string, modules: Phase["modules"] = {}): Phase => ({
  position, title: `Phase ${position}`, start: day(start), end: day(end), description: "", modules,
});
const consultation = (slug: string, phases: Phase[], visibility: Consultation["visibility"] = "public") =>
  ({ slug, phases, visibility, lang: "fr" }) as Consultation;

const velo = consultation("velo", [
  phase(0, "2026-09-01", "2026-10-31"),
  phase(1, "2026-11-01", "2027-05-31", { ideabox: { submissions_open: true } }),
]);

describe("consultation states from the build clock", () => {
  it("finds the phase open now, and none between phases or after the end", () => {
    expect(currentPhase(velo, day("2026-11-25"))?.position).toBe(1);
    expect(currentPhase(velo, day("2027-06-01"))).toBeUndefined();
    expect(phaseState(velo.phases[0]!, day("2026-11-25"))).toBe("finished");
    expect(phaseState(velo.phases[1]!, day("2026-10-01"))).toBe("upcoming");
  });

  it("is upcoming before the first phase, open until the last ends, then finished", () => {
    expect(consultationState(velo, day("2026-08-01"))).toBe("upcoming");
    expect(consultationState(velo, day("2026-11-25"))).toBe("open");
    expect(consultationState(velo, day("2027-06-01"))).toBe("finished");
  });

  it("keeps unlisted consultations out of lists", () => {
    const hidden = consultation("secret", velo.phases, "unlisted");
    expect(listed([velo, hidden], "open", day("2026-11-25")).map((c) => c.slug)).toEqual(["velo"]);
  });

  it("knows which modules a consultation uses in any phase", () => {
    expect(usesModule(velo, "ideabox")).toBe(true);
    expect(usesModule(consultation("x", [phase(0, "2026-01-01", "2026-02-01")]), "ideabox")).toBe(false);
  });
});

describe("agenda", () => {
  const event = (slug: string, start: string, end: string) => ({ slug, start: day(start), end: day(end) }) as Event;
  const events = [event("b", "2026-12-10", "2026-12-10"), event("a", "2026-12-01", "2026-12-01"), event("old", "2026-01-01", "2026-01-01")];

  it("lists upcoming events soonest first and past ones latest first", () => {
    expect(upcomingEvents(events, day("2026-11-25")).map((e) => e.slug)).toEqual(["a", "b"]);
    expect(pastEvents(events, day("2026-12-05")).map((e) => e.slug)).toEqual(["a", "old"]);
  });
});

describe("lists in each language", () => {
  const news = (lang: "fr" | "en", count: number) =>
    Array.from({ length: count }, (_, index) => ({ slug: `article-${index}`, lang }) as NewsArticle);
  const first = { fr: "/actualites/", en: "/en/news/" };

  it("show every entry to English readers: translated ones in English, the others in French, in the French order", () => {
    const listed = forLang([...news("fr", 4), ...news("en", 2)], "en");
    expect(listed.map((article) => `${article.slug}:${article.lang}`)).toEqual([
      "article-0:en",
      "article-1:en",
      "article-2:fr",
      "article-3:fr",
    ]);
    expect(forLang([...news("fr", 4), ...news("en", 2)], "fr").every((article) => article.lang === "fr")).toBe(true);
  });

  it("split into pages linked to each other, page 1 at the list's URL, as many in English as in French", () => {
    const pages = listPages([...news("fr", 45), ...news("en", 3)], ["fr", "en"], first, 20);
    expect(pages.map((page) => [page.url, page.items.length])).toEqual([
      ["/actualites/", 20],
      ["/actualites/page/2/", 20],
      ["/actualites/page/3/", 5],
      ["/en/news/", 20],
      ["/en/news/page/2/", 20],
      ["/en/news/page/3/", 5],
    ]);
    expect(pages[1]).toMatchObject({ number: 2, count: 3, previous: "/actualites/", next: "/actualites/page/3/" });
    expect(pages[5]).not.toHaveProperty("next");
  });

  it("still write a first, empty page for each language when there is no entry", () => {
    expect(listPages([], ["fr", "en"], first, 20).map((page) => page.url)).toEqual(["/actualites/", "/en/news/"]);
  });
});
