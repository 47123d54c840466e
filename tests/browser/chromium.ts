// Debian's Chromium driven by playwright-core, with axe-core for WCAG 2.1 A/AA checks.
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type Page } from "playwright-core";
import { findChromium } from "../../scripts/ensure-chromium.ts";

const args = [
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
  return chromium.launch({ executablePath, args });
}

export const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** axe violations on the current page, one readable line per failing node. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${page.url()} ${violation.id} (${violation.impact}): ${node.target.join(" ")} — ${violation.help}`),
  );
}

/** Console errors and uncaught exceptions, collected from now on. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}
