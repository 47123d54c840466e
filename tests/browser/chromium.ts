// Debian's Chromium driven by playwright-core, with axe-core for WCAG 2.1 A/AA checks.
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type Page } from "playwright-core";
import { findChromium } from "../../scripts/ensure-chromium.ts";

/** Debian's Chromium in a container (STACK-NOTES); bench:lighthouse launches it with the same. */
export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Each launch gets a fresh temporary profile (playwright's default), so no state leaks between runs. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error("Chromium not found: run `npx tsx scripts/ensure-chromium.ts` or set CHROMIUM_PATH");
  return chromium.launch({ executablePath, args: chromiumArgs });
}

export const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** axe violations on a page, one readable line per failing node. */
async function analyze(page: Page, label: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${label} ${violation.id} (${violation.impact}): ${node.target.join(" ")} — ${violation.help}`),
  );
}

/**
 * The page as a browser without JavaScript shows it, made auditable: axe needs scripting (its timers never
 * fire when JavaScript is off), so the DOM is replayed at the same URL in a scripting context, with page
 * scripts removed and <noscript> content kept visible as it was.
 */
async function withoutJavaScriptReplay(page: Page): Promise<Page> {
  const html = (await page.content())
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "")
    .replace(/<noscript\b/gi, "<div data-noscript")
    .replace(/<\/noscript>/gi, "</div>");
  const browser = page.context().browser();
  if (!browser) throw new Error("page has no browser");
  const auditor = await (await browser.newContext()).newPage();
  const url = page.url();
  await auditor.route((candidate) => candidate.href === url, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }));
  await auditor.goto(url);
  return auditor;
}

/** axe violations on the current page; `javaScriptEnabled: false` audits the page its context rendered without it. */
export async function axeViolations(page: Page, options: { javaScriptEnabled?: boolean } = {}): Promise<string[]> {
  if (options.javaScriptEnabled !== false) return analyze(page, page.url());
  const replay = await withoutJavaScriptReplay(page);
  try {
    return await analyze(replay, `${page.url()} (no JavaScript)`);
  } finally {
    await replay.context().close();
  }
}

/**
 * Console errors and uncaught exceptions, collected from now on. The browser's own /favicon.ico probe is left
 * out: Chromium sends it on its own schedule (even to pages that declare an icon, when they are left quickly).
 */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    // "Failed to load resource" names no URL in its text; its location does.
    const where = message.location().url;
    if (where && new URL(where).pathname === "/favicon.ico") return;
    errors.push(`console on ${page.url()}: ${message.text()}${where ? ` (${where})` : ""}`);
  });
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}
