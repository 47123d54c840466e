// Issue 2: the citizen pages render with zero axe-core violations (WCAG 2.1 A/AA) in Chromium, under the
// strict CSP the local server replays from netlify.toml (a blocked inline script or style shows as an error).
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, collectErrors, launchChromium } from "./chromium.ts";
import { pageTypes, type PageType } from "./page-types.ts";
import { startTestSite, type TestSite } from "./site.ts";

let site: TestSite;
let browser: Browser;
let pages: PageType[];

beforeAll(async () => {
  site = await startTestSite({ seed: true });
  pages = await pageTypes(site.store, site.port);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe("citizen pages in Chromium", () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`render with no axe violation and no console error (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      const errors = collectErrors(page);
      const problems: string[] = [];
      for (const { name, url, status } of pages) {
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
