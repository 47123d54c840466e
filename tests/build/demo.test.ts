// The demo site, built once: every page exists in each language, internal links resolve, the feeds parse, no
// inline script or style anywhere, and the sitemap lists pages but not unlisted consultations.
import { readFile, writeFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { functionsContentFile, type FunctionsContent } from "../../site/_lib/content/functions-content.ts";
import { forLang } from "../../site/_config/listings.ts";
import { loadContent } from "../../site/_lib/content/load.ts";
import type { ContentStore } from "../../site/_lib/content/types.ts";
import { buildDemo, linkedUrls, type BuiltSite } from "./helpers.ts";

const unlisted = `---
title: Budget participatif des écoles (pilote)
summary: Une consultation de test réservée aux conseils d'école, hors des listes.
visibility: unlisted
phases:
  - title: Idées
    start: 2026-11-01T09:00
    end: 2026-12-31T18:00
    description: Les conseils d'école proposent.
---
Consultation pilote.
`;

let site: BuiltSite;
let store: ContentStore;
let html: Map<string, string>;

beforeAll(async () => {
  site = await buildDemo((contentDir) =>
    writeFile(path.join(contentDir, "consultations/fr/budget-ecoles.md"), unlisted),
  );
  store = await loadContent(site.contentDir);
  html = new Map(
    await Promise.all(
      // Citizen pages only: /admin is Decap's own page, under its own CSP.
      site.files
        .filter((file) => file.endsWith(".html") && !file.startsWith("admin/"))
        .map(async (file) => [file, await site.read(file)] as const),
    ),
  );
});

afterAll(() => site?.cleanup());

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });

describe("demo build", () => {
  it("writes the site's own pages in both languages", () => {
    const expected = [
      "/", "/en/", "/consultations/", "/en/consultations/", "/actualites/", "/en/news/", "/agenda/", "/en/agenda/",
      "/accessibilite/", "/en/accessibility/", "/plan-du-site/", "/en/sitemap/", "/404.html", "/sitemap.xml",
      "/actualites/feed.xml", "/en/news/feed.xml", "/agenda/agenda.ics", "/en/agenda/agenda.ics",
      "/_shell/fr.html", "/_shell/en.html", "/assets/css/site.css", "/assets/css/brand.css", "/admin/", "/robots.txt",
    ];
    expect(expected.filter((url) => !site.fileFor(url))).toEqual([]);
  });

  it("writes a page for every content entry and each of its translations", () => {
    const entries = [...store.consultations, ...store.news, ...store.events, ...store.pages];
    expect(entries.length).toBeGreaterThan(10);
    expect(entries.some((entry) => entry.lang === "en")).toBe(true);
    const urls = entries.flatMap((entry) => [entry.url, ...Object.values(entry.translations)]);
    expect(urls.filter((url) => !site.fileFor(url))).toEqual([]);
  });

  // Served by the functions, not by files (docs/ARCHITECTURE.md: HTTP API and live HTML views).
  const dynamic = [/^\/api\//, /^(\/en)?\/consultations\/[^/]+\/propositions\//, /^(\/en)?\/(connexion|compte)\//];

  it("resolves every internal href, src and srcset to a built file", () => {
    const broken: string[] = [];
    for (const [file, page] of html) {
      for (const url of linkedUrls(page)) {
        if (url.startsWith("#")) {
          if (!page.includes(`id="${url.slice(1)}"`)) broken.push(`${file}: ${url}`);
        } else if (url.startsWith("/") && !url.startsWith("//") && !dynamic.some((route) => route.test(url)) && !site.fileFor(url)) {
          broken.push(`${file}: ${url}`);
        }
      }
    }
    expect(html.size).toBeGreaterThan(20);
    expect(broken).toEqual([]);
  });

  it("has no inline script, inline style or style attribute (strict CSP)", () => {
    const inline = [/<script\b(?![^>]*\ssrc=)[^>]*>/i, /<style\b/i, /\sstyle\s*=/i, /\son[a-z]+\s*=/i];
    const offenders = [...html].flatMap(([file, page]) =>
      inline.filter((pattern) => pattern.test(page)).map((pattern) => `${file} ${pattern}`),
    );
    expect(offenders).toEqual([]);
  });

  it("gives every page a lang, a title, a description, a canonical URL, OpenGraph tags and one h1", () => {
    const missing: string[] = [];
    for (const [file, page] of html) {
      if (file.startsWith("_shell/")) continue;
      const checks: [string, RegExp][] = [
        ["lang", /<html lang="(fr|en)"/],
        ["title", /<title>[^<]+<\/title>/],
        ["description", /<meta name="description" content="[^"]+">/],
        ["canonical", /<link rel="canonical" href="https:\/\/[^"]+">/],
        ["og:title", /<meta property="og:title" content="[^"]+">/],
        ["skip link", /<a class="skip-link" href="#main">/],
      ];
      for (const [name, pattern] of checks) if (!pattern.test(page)) missing.push(`${file}: ${name}`);
      if ((page.match(/<h1[\s>]/g) ?? []).length !== 1) missing.push(`${file}: one h1`);
    }
    expect(missing).toEqual([]);
  });

  it("publishes the news as Atom feeds that parse, with one entry per article, in each language", async () => {
    for (const [lang, file] of [["fr", "actualites/feed.xml"], ["en", "en/news/feed.xml"]] as const) {
      const feed = xml.parse(await site.read(file)).feed;
      const articles = forLang(store.news, lang);
      const entries = [feed.entry ?? []].flat();
      expect(feed["@xml:lang"]).toBe(lang);
      expect(entries).toHaveLength(articles.length);
      for (const entry of entries) expect(entry.id).toMatch(/^https:\/\//);
    }
    expect(store.news.filter((article) => article.lang === "fr").length).toBeGreaterThan(0);
  });

  it("publishes the agenda as iCalendar feeds that parse, with one event per agenda entry", async () => {
    const calendar = new ICAL.Component(ICAL.parse(await site.read("agenda/agenda.ics")));
    const events = calendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
    const agenda = store.events.filter((event) => event.lang === "fr");
    expect(events.length).toBe(agenda.length);
    expect(events.length).toBeGreaterThan(0);
    for (const event of agenda) {
      const found = events.find((candidate) => candidate.summary === event.title);
      expect(found?.startDate.toJSDate().getTime()).toBe(event.start.getTime());
    }
  });

  it("lists pages in the sitemap, but not unlisted consultations, the shell or the 404", async () => {
    const urls = [xml.parse(await site.read("sitemap.xml")).urlset.url].flat().map((url: { loc: string }) => url.loc);
    const base = store.settings.baseUrl;
    expect(urls).toContain(new URL("/", base).href);
    expect(urls).toContain(new URL("/en/", base).href);
    expect(urls).toContain(new URL("/consultations/plan-velo/", base).href);
    expect(urls).toContain(new URL("/accessibilite/", base).href);
    expect(urls.filter((url) => /budget-ecoles|_shell|404/.test(url))).toEqual([]);
  });

  it("gives unlisted consultations a noindex page, out of every list", () => {
    expect(html.get("consultations/budget-ecoles/index.html")).toContain('<meta name="robots" content="noindex">');
    const listings = ["index.html", "consultations/index.html", "plan-du-site/index.html"];
    for (const file of listings) expect(html.get(file)).not.toContain("/consultations/budget-ecoles/");
  });

  it("marks the current phase in the consultation timeline with aria-current and text", () => {
    const page = html.get("consultations/plan-velo/index.html") ?? "";
    const current = page.match(/<li class="timeline__phase[^"]*" aria-current="step">[\s\S]*?<\/li>/g) ?? [];
    expect(current).toHaveLength(1);
    expect(current[0]).toContain("Phase en cours");
  });

  it("links the language versions of a translated entry, and the home page of an untranslated one", () => {
    const translated = html.get("consultations/plan-velo/index.html") ?? "";
    expect(translated).toContain('<a class="lang-switch" href="/en/consultations/plan-velo/" hreflang="en" lang="en">');
    expect(translated).toContain('hreflang="en" href="https://');
    const untranslated = html.get("consultations/place-du-marche/index.html") ?? "";
    expect(untranslated).toContain('<a class="lang-switch" href="/en/" hreflang="en" lang="en">');
    expect(html.get("en/consultations/plan-velo/index.html")).toContain('<html lang="en"');
    // A header link written to the French page leads English readers to its translation.
    expect(html.get("en/index.html")).toContain('href="/en/comment-participer/"');
  });

  it("writes the functions' shell with its placeholders, noindex", () => {
    for (const lang of ["fr", "en"]) {
      const shell = html.get(`_shell/${lang}.html`) ?? "";
      expect(shell).toContain("<title><!--parlons:title--></title>");
      expect(shell).toMatch(/<main id="main" tabindex="-1"><!--parlons:main-->\s*<\/main>/);
      expect(shell).toContain('<meta name="robots" content="noindex">');
      expect(shell).toContain(`<html lang="${lang}"`);
    }
  });

  it("writes the functions' content beside the publish folder: every consultation, unlisted ones too, and the shells", async () => {
    const content = JSON.parse(await readFile(path.join(site.dir, "../_functions", functionsContentFile), "utf8")) as FunctionsContent;
    const versions = (list: { lang: string; slug: string }[]) => list.map((c) => `${c.lang}/${c.slug}`).sort();
    expect(versions(content.consultations)).toEqual(versions(store.consultations));
    // The functions serve unlisted consultations' live pages: the file lists them, so it is never published.
    expect(content.consultations.some((c) => c.slug === "budget-ecoles")).toBe(true);
    expect(site.files.filter((file) => file.endsWith(functionsContentFile))).toEqual([]);
    expect(content.settings.communeName).toBe(store.settings.communeName);
    for (const lang of ["fr", "en"] as const) expect(content.shells[lang]).toBe(html.get(`_shell/${lang}.html`));
  });

  it("states the accessibility status in the footer and the RGAA sections on the statement page", () => {
    expect(html.get("index.html")).toContain("Accessibilité : partiellement conforme");
    const statement = html.get("accessibilite/index.html") ?? "";
    for (const heading of [
      "État de conformité", "Résultats des tests", "Contenus non accessibles",
      "Établissement de cette déclaration d&#39;accessibilité", "Retour d&#39;information et contact", "Voies de recours",
    ]) expect(statement).toContain(`<h2>${heading}</h2>`);
    expect(statement).toContain("Défenseur des droits");
  });

  it("serves resized AVIF and WebP images with width and height", () => {
    const page = html.get("consultations/plan-velo/index.html") ?? "";
    expect(page).toMatch(/<source type="image\/avif" srcset="\/img\//);
    expect(page).toMatch(/<img [^>]*src="\/img\/[^"]+\.webp"[^>]*width="\d+" height="\d+"/);
  });

  it("loads JavaScript only on consultation pages with an idea box, bundled with its styles", async () => {
    const withScripts = [...html].filter(([, page]) => page.includes("<script")).map(([file]) => file);
    expect(withScripts).toContain("consultations/plan-velo/index.html");
    expect(withScripts.filter((file) => !/^(en\/)?consultations\/[^/]+\/index\.html$/.test(file))).toEqual([]);
    expect(html.get("consultations/plan-velo/index.html")).toContain('<script type="module" src="/assets/js/ideabox.js"></script>');
    expect(await site.read("assets/css/site.css")).toContain(".ideabox");
  });

  it("loads no JavaScript on news articles and static pages", () => {
    const noScript = [...html].filter(([file]) => /^(en\/)?(actualites|news)\/[^/]+\/index\.html$|^(en\/)?comment-participer\//.test(file));
    expect(noScript.length).toBeGreaterThan(3);
    expect(noScript.filter(([, page]) => page.includes("<script")).map(([file]) => file)).toEqual([]);
  });

  it("keeps every citizen page within 60 KB gzip, HTML with its CSS and JS", async () => {
    const gz = (text: string) => gzipSync(text).length;
    const assetCache = new Map<string, number>();
    const heavy: string[] = [];
    for (const [file, page] of html) {
      let total = gz(page);
      for (const url of linkedUrls(page).filter((url) => /\.(css|js)$/.test(url))) {
        const asset = site.fileFor(url);
        if (!asset) continue;
        if (!assetCache.has(asset)) assetCache.set(asset, gz(await site.read(asset)));
        total += assetCache.get(asset) ?? 0;
      }
      if (total > 60 * 1024) heavy.push(`${file}: ${total} B`);
    }
    expect(heavy).toEqual([]);
  });
});
