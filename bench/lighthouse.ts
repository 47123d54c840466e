// `npm run bench:lighthouse`: Lighthouse 12.2.3 (the last major that runs on Node 20), mobile preset, on every
// page type of the demo (tests/browser/page-types.ts, the list the axe and layout-shift tests use), the site
// built and seeded as the browser tests do and served by the local server, which gzips like Netlify.
// Target: 100 in all four categories on every page type. Beside each page, the same page with its web fonts
// blocked: what the page scores when the font can cost nothing.
// BENCH_RUNS=N audits each page N times and reports Lighthouse's median run with the spread of its scores.
import { cpus, loadavg } from "node:os";
import { findChromium } from "../scripts/ensure-chromium.ts";
import { pageTypes } from "../tests/browser/page-types.ts";
import { startTestSite } from "../tests/browser/site.ts";
import { audit, categories, type Audit } from "./lib/lighthouse-run.ts";

const runs = Math.max(1, Number(process.env["BENCH_RUNS"] ?? 1));
const target = 100;
const fontsBlocked = ["*.woff2"];

type Audited = Awaited<ReturnType<typeof audit>>;

const ms = (value: number) => `${Math.round(value)} ms`.padStart(8);
const shift = (value: number) => value.toFixed(3).padStart(6);
const spread = (scores: number[]) => (runs > 1 ? ` [${Math.min(...scores)}–${Math.max(...scores)}]` : "");
const perfWidth = runs > 1 ? 14 : 5;
const load = () => loadavg()[0]!.toFixed(1);

function row(name: string, page: Audited, bare: Audited): string {
  const { scores, lcpMs, cls, tbtMs } = page.median;
  const [performance, ...others] = categories.map((category) => String(scores[category] ?? "–").padStart(5));
  const barePerformance = `${bare.median.scores.performance ?? "–"}${spread(bare.performance)}`;
  return (
    `  ${name.padEnd(25)} ${`${performance}${spread(page.performance)}`.padEnd(perfWidth)} ${others.join(" ")}` +
    `  ${ms(lcpMs)} ${shift(cls)} ${ms(tbtMs)}  │ ${barePerformance.padStart(perfWidth - 1)}` +
    ` ${ms(bare.median.lcpMs)} ${shift(bare.median.cls)} ${ms(bare.median.tbtMs)}`
  );
}

/** Why a page misses the target, from the audits that cost it points. */
function miss(name: string, url: string, found: Audit): string | undefined {
  const below = categories.filter((category) => (found.scores[category] ?? 0) < target);
  if (below.length === 0) return undefined;
  // is-crawlable fails on every page that asks not to be indexed: a decision, not a defect.
  const noindex = found.lost.some((lost) => lost.startsWith("is-crawlable")) ? " (is-crawlable: the page carries noindex)" : "";
  return `  ${name} ${url}: ${below.join(", ")} below ${target}; points lost on ${found.lost.join(", ")}${noindex}`;
}

async function main(): Promise<void> {
  const chromePath = findChromium();
  if (!chromePath) throw new Error("Chromium not found: run `npx tsx scripts/ensure-chromium.ts` or set CHROMIUM_PATH");
  const loadBefore = load();
  const site = await startTestSite({ seed: true });
  try {
    const pages = await pageTypes(site.store, site.port);
    const lines: string[] = [];
    const misses: string[] = [];
    const speeds: number[] = [];
    let browserVersion = "Chrome";
    for (const { name, url, status } of pages) {
      // Lighthouse refuses an error status (ERRORED_DOCUMENT_REQUEST): the 404 document is audited where the
      // server also serves it as a file, with 200, as Netlify does.
      const audited = `${site.url}${status === 404 ? "/404.html" : url}`;
      try {
        const page = await audit(audited, runs, { chromePath });
        const bare = await audit(audited, runs, { chromePath, only: ["performance"], blocked: fontsBlocked });
        browserVersion = page.median.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? browserVersion;
        speeds.push(page.median.benchmarkIndex, bare.median.benchmarkIndex);
        lines.push(row(name, page, bare));
        const reason = miss(name, url, page.median);
        if (reason) misses.push(reason);
      } catch (error) {
        lines.push(`  ${name.padEnd(25)} not audited: ${(error as Error).message}`);
        misses.push(`  ${name} ${url}: not audited`);
      }
    }
    const header = [
      "",
      `Lighthouse 12.2.3, mobile preset (simulated slow 4G, 4× CPU slowdown), ${runs} run(s) a page, median run shown`,
      `  ${browserVersion}, Node ${process.version}, served gzipped by the local server`,
      // Lighthouse warns below 1000 (core/gather/driver/environment.js): its 4× CPU slowdown then overstates
      // main-thread time, hence TBT, on this machine.
      `  machine: ${cpus().length} cores, load average ${loadBefore} before and ${load()} after; Lighthouse benchmark ` +
        `index ${Math.round(Math.min(...speeds))}–${Math.round(Math.max(...speeds))} (it expects > 1000)`,
      "",
      `  ${"page".padEnd(25)} ${"perf".padStart(5).padEnd(perfWidth)} ${["a11y", "b-p", "seo"].map((x) => x.padStart(5)).join(" ")}` +
        `  ${"LCP".padStart(8)} ${"CLS".padStart(6)} ${"TBT".padStart(8)}  │ fonts blocked: perf, LCP, CLS, TBT`,
    ];
    const verdict =
      misses.length === 0
        ? [`All ${pages.length} page types score ${target} in all four categories.`]
        : [`${misses.length} of ${pages.length} page types below ${target}:`, ...misses];
    console.log([...header, ...lines, "", ...verdict].join("\n"));
    if (misses.length > 0) process.exitCode = 1;
  } finally {
    await site.close();
  }
}

await main();
