// Issue 8, point 5: the English site is not empty. English lists show every entry, the untranslated ones
// linking to their French page; every interface string, footer link and the 404 page are in English.
import { readFile } from "node:fs/promises";
import { XMLParser } from "fast-xml-parser";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messages } from "../../site/_lib/i18n/index.ts";
import { loadContent } from "../../site/_lib/content/load.ts";
import { entryUrl } from "../../site/_lib/content/routes.ts";
import type { ContentStore, Entry } from "../../site/_lib/content/types.ts";
import { startServer } from "../../scripts/dev/server.ts";
import { buildDemo, type BuiltSite } from "./helpers.ts";

let site: BuiltSite;
let store: ContentStore;

beforeAll(async () => {
  site = await buildDemo();
  store = await loadContent(site.contentDir);
});
afterAll(() => site?.cleanup());

const main = (page: string) => page.match(/<main[\s\S]*<\/main>/)?.[0] ?? "";
const footer = (page: string) => page.match(/<footer[\s\S]*<\/footer>/)?.[0] ?? "";
const count = (html: string, pattern: RegExp) => (html.match(pattern) ?? []).length;

/** French entries that have no English version: what English lists must still show. */
function untranslated(): Entry[] {
  const all: Entry[] = [...store.consultations, ...store.news, ...store.events, ...store.pages];
  return all.filter((entry) => entry.lang === "fr" && !entry.translations.en);
}

describe("English lists", () => {
  const twins = [
    ["index.html", "en/index.html"],
    ["consultations/index.html", "en/consultations/index.html"],
    ["actualites/index.html", "en/news/index.html"],
    ["agenda/index.html", "en/agenda/index.html"],
    ["plan-du-site/index.html", "en/sitemap/index.html"],
  ] as const;

  it("show as many items as their French twins", async () => {
    const counts = await Promise.all(
      twins.map(async ([fr, en]) => {
        const [frPage, enPage] = [main(await site.read(fr)), main(await site.read(en))];
        return [en, count(enPage, /<li\b/g), count(frPage, /<li\b/g), count(frPage, /class="card"/g)] as const;
      }),
    );
    for (const [en, enItems, frItems] of counts) expect(enItems, en).toBe(frItems);
    // The demo's news and events are all French-only: the English lists were empty before (issue 8).
    expect(counts.find(([en]) => en === "en/news/index.html")?.[3]).toBeGreaterThanOrEqual(5);
    expect(counts.find(([en]) => en === "en/agenda/index.html")?.[3]).toBeGreaterThanOrEqual(5);
  });

  it("link untranslated entries to their French page, marked French and « (in French) »", async () => {
    const news = untranslated().filter((entry) => entry.collection === "news");
    expect(news.length).toBeGreaterThan(0);
    const list = main(await site.read("en/news/index.html"));
    for (const article of news) {
      const link = list.match(new RegExp(`<a href="${article.url}"[^>]*>[\\s\\S]*?</a>`))?.[0] ?? "";
      expect(link, article.slug).toMatch(/hreflang="fr"/);
      expect(link, article.slug).toMatch(/<span lang="fr">[^<]+<\/span> \(in French\)<\/a>$/);
    }
    const translated = list.match(/<a href="\/en\/[^"]*"[^>]*>/g) ?? [];
    expect(translated.filter((a) => a.includes("hreflang"))).toEqual([]);
    // The French page is the only version: no English copy is written.
    const copies = untranslated().map((entry) => entryUrl(entry.collection, "en", entry.slug)).filter((url) => site.fileFor(url));
    expect(copies).toEqual([]);
  });

  it("publish every entry in the English feeds, French ones marked xml:lang fr", async () => {
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });
    const entries = (file: string) => site.read(file).then((text) => [xml.parse(text).feed.entry ?? []].flat());
    const [fr, en] = await Promise.all([entries("actualites/feed.xml"), entries("en/news/feed.xml")]);
    expect(en).toHaveLength(fr.length);
    expect(en.filter((entry: Record<string, string>) => entry["@xml:lang"] === "fr").length).toBe(
      untranslated().filter((entry) => entry.collection === "news").length,
    );
    const events = (file: string) => site.read(file).then((text) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").length);
    expect(await events("en/agenda/agenda.ics")).toBe(await events("agenda/agenda.ics"));
  });
});

/** Interface strings that differ between French and English, as fragments between placeholders. */
function frenchOnlyStrings(): string[] {
  const leaves = (tree: object, prefix = ""): [string, string][] =>
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === "string" ? [[prefix + key, value] as [string, string]] : leaves(value as object, `${prefix}${key}.`),
    );
  const english = new Map(leaves(messages.en));
  return leaves(messages.fr)
    .filter(([key, value]) => english.get(key) !== value)
    .flatMap(([, value]) => value.split(/\{\w+\}/))
    .map((fragment) => fragment.trim())
    .filter((fragment) => fragment.length >= 8);
}

/** The page's text with every passage marked as French (lang="fr") taken out. */
function englishText(html: string): string {
  let text = html.replace(/<(script|style)\b[\s\S]*?<\/\1>/g, "");
  for (const tag of ["span", "p", "div", "li", "a"]) {
    text = text.replace(new RegExp(`<${tag}\\b[^>]*\\slang="fr"[^>]*>[\\s\\S]*?</${tag}>`, "g"), "");
  }
  return text
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

describe("English pages", () => {
  it("show no French interface string outside passages marked French, 404 page included", async () => {
    const fragments = frenchOnlyStrings();
    expect(fragments.length).toBeGreaterThan(100);
    const files = site.files.filter((file) => file.startsWith("en/") && file.endsWith(".html"));
    expect(files.length).toBeGreaterThan(8);
    const pages = await Promise.all(files.map(async (file) => [file, await site.read(file)] as const));
    // What a reader who mistyped an English address gets, as the local server replays Netlify's rules.
    const server = await startServer({ siteDir: site.dir });
    try {
      const missing = await fetch(`${server.url}/en/nowhere/`);
      expect(missing.status).toBe(404);
      pages.push(["GET /en/nowhere/", await missing.text()]);
    } finally {
      await server.close();
    }
    const found: string[] = [];
    for (const [file, page] of pages) {
      const text = englishText(page);
      for (const fragment of fragments) if (text.includes(fragment)) found.push(`${file}: « ${fragment} »`);
    }
    expect(found).toEqual([]);
  });

  it("have English footer links, an untranslated page's link saying it is in French", async () => {
    const links = footer(await site.read("en/index.html"));
    expect(links).toContain('<a href="/en/accessibility/">Accessibility: partially compliant</a>');
    expect(links).toContain('<a href="/mentions-legales/" hreflang="fr">Legal notice (in French)</a>');
    expect(links).toContain('<a href="/en/confidentialite/">Privacy</a>');
    expect(links).not.toContain("Mentions légales");
    const french = footer(await site.read("index.html"));
    expect(french).toContain('<a href="/mentions-legales/">Mentions légales</a>');
    expect(french).toContain('<a href="/confidentialite/">Données personnelles</a>');
  });

  it("have an English 404 page, which the server sends for any missing /en/ path; the French one is French only", async () => {
    const english = await site.read("en/404.html");
    expect(english).toContain('<html lang="en"');
    expect(main(english)).toContain("<h1>Page not found</h1>");
    expect(main(english)).toContain('<a href="/en/">Back to the home page</a>');
    const french = await site.read("404.html");
    expect(french).toContain('<html lang="fr"');
    expect(main(french)).not.toContain('lang="en"');
    expect(main(french)).not.toContain("Page not found");

    const server = await startServer({ siteDir: site.dir });
    try {
      const missing = await fetch(`${server.url}/en/nowhere/`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain("<h1>Page not found</h1>");
      const missingFr = await fetch(`${server.url}/nulle-part/`);
      expect(missingFr.status).toBe(404);
      expect(await missingFr.text()).toContain("<h1>Page introuvable</h1>");
    } finally {
      await server.close();
    }
    expect(await readFile("netlify.toml", "utf8")).toMatch(/from = "\/en\/\*"\s+to = "\/en\/404\.html"\s+status = 404/);
  });

  it("name themes and districts in English on an English consultation page", async () => {
    const page = main(await site.read("en/consultations/plan-velo/index.html"));
    expect(page).toContain('<span class="tag">Cycle lanes</span>');
    expect(page).toContain('<span class="tag">The Harbour</span>');
    expect(page).not.toContain('<span class="tag">Pistes cyclables</span>');
    // The idea box snapshot: English names, the stored French names as values.
    expect(page).toContain('<option value="Pistes cyclables">Cycle lanes</option>');
  });
});
