// Issue 2: the citizen pages render with zero axe-core violations (WCAG 2.1 A/AA) in Chromium, under the
// strict CSP the local server replays from netlify.toml (a blocked inline script or style shows as an error).
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routes } from "../../site/_config/routes.ts";
import { axeViolations, collectErrors, launchChromium } from "./chromium.ts";
import { openConsultation, startTestSite, type TestSite } from "./site.ts";

let site: TestSite;
let browser: Browser;

beforeAll(async () => {
  site = await startTestSite();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

function pages(): [string, string, number][] {
  const { store } = site;
  const fr = <T extends { lang: string }>(items: T[]) => items.find((item) => item.lang === "fr");
  const english = [...store.pages, ...store.news, ...store.consultations].find((entry) => entry.lang === "en");
  const list: [string, string | undefined, number][] = [
    ["home", "/", 200],
    ["consultation", openConsultation(store).url, 200],
    ["article", fr(store.news)?.url, 200],
    ["agenda", routes.agenda.fr, 200],
    ["accessibility statement", routes.accessibility.fr, 200],
    ["static page", fr(store.pages)?.url, 200],
    ["English page", english?.url, 200],
    // English lists show untranslated entries with French titles inside English links (issue 8).
    ["English home", routes.home.en, 200],
    ["404", "/cette-page-n-existe-pas/", 404],
    ["English 404", "/en/this-page-does-not-exist/", 404],
  ];
  return list.map(([name, url, status]) => {
    if (!url) throw new Error(`The demo content has no ${name}`);
    return [name, url, status];
  });
}

describe("citizen pages in Chromium", () => {
  it("lists every page type of the demo content", () => {
    expect(pages()).toHaveLength(10);
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`render with no axe violation and no console error (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      const errors = collectErrors(page);
      const problems: string[] = [];
      for (const [name, url, status] of pages()) {
        const response = await page.goto(`${site.url}${url}`);
        if (response?.status() !== status) problems.push(`${name} ${url}: HTTP ${response?.status()}, expected ${status}`);
        const csp = response?.headers()["content-security-policy"] ?? "";
        if (!csp.includes("script-src 'self'") || /unsafe/.test(csp)) problems.push(`${name} ${url}: CSP ${csp}`);
        expect(await page.locator("h1").count(), `${name} has one h1`).toBe(1);
        problems.push(...(await axeViolations(page, { javaScriptEnabled })));
      }
      await context.close();
      // 404 answers log a console error for the document itself; anything else is a defect.
      const unexpected = errors.filter((error) => !/status of 404/.test(error));
      expect([...problems, ...unexpected]).toEqual([]);
    }, 180_000);
  }
});
