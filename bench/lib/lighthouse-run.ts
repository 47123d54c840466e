// One Lighthouse audit of a URL (the default mobile preset: Moto G Power screen, simulated slow 4G and 4×
// CPU slowdown), reduced to what the bench prints: the four category scores, LCP, CLS, TBT, and the audits
// that cost points, so a score under 100 explains itself. Each run gets its own Chromium (a fresh profile).
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { type Result } from "lighthouse";
import { computeMedianRun } from "lighthouse/core/lib/median-run.js";
import { chromiumArgs } from "../../tests/browser/chromium.ts";

export const categories = ["performance", "accessibility", "best-practices", "seo"] as const;
export type Category = (typeof categories)[number];

export interface Audit {
  scores: Partial<Record<Category, number>>;
  lcpMs: number;
  cls: number;
  tbtMs: number;
  /** `id (displayValue)` of every weighted audit under full marks. */
  lost: string[];
  /** Lighthouse's CPU benchmark of this machine during the run (higher is faster). */
  benchmarkIndex: number;
  userAgent: string;
}

/** The browser tests' arguments, in the headless mode Lighthouse expects. */
const chromeFlags = chromiumArgs.map((arg) => (arg === "--headless" ? "--headless=new" : arg));

/** Lighthouse asks to run again after a trace it could not read (NO_NAVSTART, about one run in 14 here). */
const attempts = 3;

export interface AuditOptions {
  chromePath: string;
  only?: readonly Category[];
  /** URL patterns the browser refuses, e.g. `*.woff2` for a page without its web fonts. */
  blocked?: string[];
}

async function runOnce(url: string, options: AuditOptions): Promise<Result> {
  const chrome = await chromeLauncher.launch({ chromePath: options.chromePath, chromeFlags });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: [...(options.only ?? categories)],
      blockedUrlPatterns: options.blocked ?? [],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    return result.lhr;
  } finally {
    await chrome.kill();
  }
}

async function runUntilValid(url: string, options: AuditOptions): Promise<Result> {
  for (let attempt = 1; ; attempt++) {
    const lhr = await runOnce(url, options);
    const failure = lhr.runtimeError;
    if (!failure) return lhr;
    if (attempt === attempts) throw new Error(`${url}: ${failure.code} ${failure.message} (${attempts} attempts)`);
    console.error(`${url}: ${failure.code}, running it again`);
  }
}

function summarize(lhr: Result): Audit {
  const scores: Partial<Record<Category, number>> = {};
  const lost = new Set<string>();
  for (const category of categories) {
    const found = lhr.categories[category];
    if (!found) continue;
    scores[category] = Math.round((found.score ?? 0) * 100);
    for (const ref of found.auditRefs) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
        lost.add(`${ref.id}${audit.displayValue ? ` (${audit.displayValue})` : ""}`);
      }
    }
  }
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  return {
    scores,
    lcpMs: numeric("largest-contentful-paint"),
    cls: numeric("cumulative-layout-shift"),
    tbtMs: numeric("total-blocking-time"),
    lost: [...lost],
    benchmarkIndex: lhr.environment.benchmarkIndex,
    userAgent: lhr.environment.hostUserAgent,
  };
}

/** `runs` audits of the URL, summarized from Lighthouse's own median run (closest to the median FCP and TTI). */
export async function audit(url: string, runs: number, options: AuditOptions): Promise<{ median: Audit; performance: number[] }> {
  const results: Result[] = [];
  for (let run = 0; run < runs; run++) results.push(await runUntilValid(url, options));
  const performance = results.map((lhr) => Math.round((lhr.categories["performance"]?.score ?? 0) * 100));
  return { median: summarize(computeMedianRun(results)), performance };
}
