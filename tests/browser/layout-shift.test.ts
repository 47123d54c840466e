// Issue 7, point 1: nothing moves under the reader while a page loads, on every page type, on a phone-sized
// screen (Lighthouse's mobile preset). The local server answers before the first paint, which would hide the
// moment a late web font replaces the fallback and reflows the text, or a late image without a reserved box
// pushes the page down; so font responses, then (in another pass) image responses, are held until the page
// has painted without them, and at least 500 ms. With late fonts, every `layout-shift` entry of the visit is
// summed (the page is short, so this is its CLS); with late images, each image's box is compared before and
// after it arrives. The other side: a font served in time is the one the text is drawn with, on a first
// visit (the preload's job).
import { screenEmulationMetrics } from "lighthouse/core/config/constants.js";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./chromium.ts";
import { pageTypes, type PageType } from "./page-types.ts";
import { startTestSite, type TestSite } from "./site.ts";

const delayMs = 500;
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

/** Resolves once the page has painted at least one frame from now. */
const twoFrames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/** Resolves once text or an image is on screen: a shift is measured against what was painted, and headless
 * Chromium may run animation frames without painting. */
const firstContentfulPaint = () =>
  new Promise<void>((resolve) =>
    new PerformanceObserver((list, observer) => {
      if (list.getEntriesByName("first-contentful-paint").length === 0) return;
      observer.disconnect();
      resolve();
    }).observe({ type: "paint", buffered: true }),
  );

type Box = { width: number; height: number };
const imageBoxes = () =>
  [...document.images].map((image) => {
    const { width, height } = image.getBoundingClientRect();
    return { src: image.currentSrc || image.src, width: Math.round(width), height: Math.round(height) };
  });

interface LateVisit {
  /** Sum of the visit's layout shifts not caused by the reader. */
  shift: number;
  /** Boxes of the page's images on screen before their responses came, and once loaded. */
  images: { before: (Box & { src: string })[]; after: (Box & { src: string })[] };
}

/** A first visit (empty cache) whose responses of one kind are held until the page has painted, and ≥ 500 ms. */
async function visitWithLate(kind: string, url: string): Promise<LateVisit> {
  const context = await phone();
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await context.route("**/*", async (route) => {
    const held = route.request().resourceType() === kind;
    if (held) await Promise.all([released, new Promise((resolve) => setTimeout(resolve, delayMs))]);
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
  try {
    const page = await context.newPage();
    await page.goto(`${site.url}${url}`, { waitUntil: "domcontentloaded" });
    await page.evaluate(firstContentfulPaint);
    const before = await page.evaluate(imageBoxes);
    release();
    await page.waitForLoadState("networkidle");
    // Fonts settled, then two frames so the last relayout is painted and reported.
    await page.evaluate(async () => void (await document.fonts.ready));
    await page.evaluate(twoFrames);
    const after = await page.evaluate(imageBoxes);
    const shift = await page.evaluate(() => (window as unknown as { parlonsShifts: { total: number } }).parlonsShifts.total);
    return { shift, images: { before, after } };
  } finally {
    await context.close();
  }
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
  it(`no page type shifts by ${maxShift} or more when its fonts arrive after its first paint`, async () => {
    const shifts: Record<string, number> = {};
    for (const { name, url } of pages) shifts[`${name} ${url}`] = (await visitWithLate("font", url)).shift;
    const moving = Object.entries(shifts).filter(([, shift]) => shift >= maxShift);
    expect(Object.fromEntries(moving), JSON.stringify(shifts, null, 1)).toEqual({});
  }, 180_000);

  // Whether a late image's jump is reported as a layout shift depends on when headless Chromium runs layout;
  // its cause does not: an image whose box is not reserved before it arrives pushes what follows it.
  it("reserves every image's box before the image arrives, on every page type", async () => {
    const jumps: string[] = [];
    let images = 0;
    for (const { name, url } of pages) {
      const { before, after } = (await visitWithLate("image", url)).images;
      images += after.length;
      after.forEach((loaded, index) => {
        const shown = before[index];
        if (shown?.width !== loaded.width || shown.height !== loaded.height) {
          jumps.push(`${name} ${url}: ${loaded.src} ${shown?.width}×${shown?.height} before, ${loaded.width}×${loaded.height} loaded`);
        }
      });
    }
    expect(images, "the demo pages show images").toBeGreaterThan(0);
    expect(jumps).toEqual([]);
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
