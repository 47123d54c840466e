// Issue 7, point 1: nothing moves under the reader while a page loads, on every page type, on a phone-sized
// screen (Lighthouse's mobile preset). Font responses are held 500 ms: the local server answers before the
// first paint, which would hide the moment a late web font replaces the fallback and reflows the text.
// Every `layout-shift` entry of the visit is summed (the page is short, so this is its CLS). The other side:
// a font served in time is the one the text is drawn with, on a first visit (the preload's job).
import { screenEmulationMetrics } from "lighthouse/core/config/constants.js";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./chromium.ts";
import { pageTypes, type PageType } from "./page-types.ts";
import { startTestSite, type TestSite } from "./site.ts";

const fontDelayMs = 500;
/** Lighthouse's "good" CLS is 0.1; this leaves no room for a visible jump of text. */
const maxShift = 0.02;

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

/** A fresh profile (empty cache) with Lighthouse's mobile screen. */
function phone(): Promise<BrowserContext> {
  const { width, height, deviceScaleFactor } = screenEmulationMetrics.mobile;
  return browser.newContext({ viewport: { width, height }, deviceScaleFactor, isMobile: true, hasTouch: true });
}

async function phoneWithSlowFonts(): Promise<BrowserContext> {
  const context = await phone();
  await context.route(/\.woff2$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, fontDelayMs));
    await route.continue();
  });
  // Runs before any page script (and outside the page's CSP): sums every shift not caused by the reader.
  await context.addInitScript(() => {
    const shifts = { total: 0 };
    Object.assign(window, { parlonsShifts: shifts });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) shifts.total += entry.value;
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  return context;
}

/** The font the browser really drew the element with (not the CSS stack), as DevTools shows it. */
async function renderedFont(page: Page, selector: string): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const { root } = await cdp.send("DOM.getDocument");
  const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
  await cdp.detach();
  return fonts.map((font) => (font.isCustomFont ? "web font" : `system font ${font.familyName}`)).join(", ");
}

describe("layout stability", () => {
  it(`no page type shifts by ${maxShift} or more when its fonts arrive ${fontDelayMs} ms late`, async () => {
    const shifts: Record<string, number> = {};
    for (const { name, url } of pages) {
      // A first visit each time: a cached font would be there before the first paint.
      const context = await phoneWithSlowFonts();
      const page = await context.newPage();
      await page.goto(`${site.url}${url}`, { waitUntil: "networkidle" });
      // Fonts settled, then two frames so the last relayout is painted and reported.
      shifts[`${name} ${url}`] = await page.evaluate(async () => {
        await document.fonts.ready;
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        return (window as unknown as { parlonsShifts: { total: number } }).parlonsShifts.total;
      });
      await context.close();
    }
    const moving = Object.entries(shifts).filter(([, shift]) => shift >= maxShift);
    expect(Object.fromEntries(moving), JSON.stringify(shifts, null, 1)).toEqual({});
  }, 180_000);

  it("draws the text with the brand's web font on a first visit when the font is served in time", async () => {
    const families: Record<string, string> = {};
    for (const { name, url } of pages) {
      const context = await phone();
      const page = await context.newPage();
      await page.goto(`${site.url}${url}`, { waitUntil: "networkidle" });
      families[`${name} ${url}`] = await renderedFont(page, "h1");
      await context.close();
    }
    // The demo commune chose a web font (content/settings/site.yml); it is the site's only one.
    const expected = Object.fromEntries(Object.keys(families).map((key) => [key, "web font"]));
    expect(families).toEqual(expected);
  }, 180_000);
});
