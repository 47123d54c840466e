// `npm run bench:build`: the demo site, a generated large commune (200 consultations, 5,000 news, 1,000
// events) and a plain Eleventy build of as many bare Markdown pages, in one run; then the gzip weight of each
// page type against the budgets of issue 2. The Decap admin bundle (esbuild, independent of the content and of
// Eleventy) is timed on its own line: the baseline has nothing like it, so it stays out of the site builds.
//
// What the ratio compares: the large commune built by Parlons (content loading and validation, layouts, the
// idea-box snapshot from the database, assets, responsive images) against plain Eleventy writing as many bare
// Markdown pages, same machine, same process. The image cache starts empty in each run: the demo build encodes
// the demo's media, and the large build, whose media are those same files, reuses them, as a rebuild does once
// its cache is kept (site/_config/image-cache.ts). The cold cost shows on the demo line. The large and plain
// builds then alternate BENCH_BUILD_RUNS times (default 3), each into a fresh folder; the ratio is the median of
// each large build over the plain build right after it, which met about the same machine load (on a shared
// machine it changes from one minute to the next).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { loadContent } from "../site/_lib/content/load.ts";
import type { ContentStore } from "../site/_lib/content/types.ts";
import { buildAdmin } from "../site/admin/build.ts";
import { buildSite } from "../site/_config/build.ts";
import { routes } from "../site/_config/routes.ts";
import { loadCorpus } from "./lib/corpus.ts";
import { generateLargeContent, largeSite } from "./lib/generate.ts";
import { buildPlain, writePlainPages } from "./lib/plain.ts";
import { pageWeight, type PageWeight } from "./lib/weight.ts";

const budget = { pageKb: 60, jsKb: 30, largeSeconds: 15, ratio: 1.6 }; // ratio: issue 7, point 5
/** Page types where any JavaScript is a defect: they have no dynamic part. */
const noJavaScript = new Set(["article", "static page"]);

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");

async function timed<T>(run: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { seconds: (performance.now() - start) / 1000, value };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const seconds = (values: number[]) => values.map((value) => value.toFixed(2)).join(", ");

/** One URL per page type, taken from the content itself so the bench follows the site's routes. */
function pageTypes(store: ContentStore): [string, string | undefined][] {
  const fr = <T extends { lang: string }>(items: T[]) => items.find((item) => item.lang === "fr");
  const now = Date.now();
  const open = store.consultations.find(
    (c) => c.lang === "fr" && c.phases.some((p) => p.start.getTime() <= now && now < p.end.getTime()),
  );
  return [
    ["home", "/"],
    ["consultation", (open ?? fr(store.consultations))?.url],
    ["news list", routes.news.fr],
    ["article", fr(store.news)?.url],
    ["agenda", routes.agenda.fr],
    ["event", fr(store.events)?.url],
    ["static page", fr(store.pages)?.url],
    ["accessibility", routes.accessibility.fr],
    ["404", "/404.html"],
  ];
}

async function weights(siteDir: string, store: ContentStore): Promise<Map<string, PageWeight | string>> {
  const found = new Map<string, PageWeight | string>();
  for (const [type, url] of pageTypes(store)) {
    if (!url) found.set(type, "no such page in the content");
    else found.set(type, await pageWeight(siteDir, url).catch((error: Error) => `${url}: ${error.message}`));
  }
  return found;
}

function weightRows(label: string, found: Map<string, PageWeight | string>): { lines: string[]; failures: number } {
  const lines = [`Page weight, ${label} (gzip; budget ${budget.pageKb} KB a page, JS ≤ ${budget.jsKb} KB, none on articles and static pages)`];
  lines.push(`  ${"page".padEnd(14)} ${"HTML".padStart(7)} ${"CSS".padStart(7)} ${"JS".padStart(7)} ${"total".padStart(8)}  verdict`);
  let failures = 0;
  for (const [type, weight] of found) {
    if (typeof weight === "string") {
      failures++;
      lines.push(`  ${type.padEnd(14)} FAIL (${weight})`);
      continue;
    }
    const jsOk = noJavaScript.has(type) ? weight.js === 0 : weight.js <= budget.jsKb * 1024;
    const ok = weight.total <= budget.pageKb * 1024 && jsOk;
    if (!ok) failures++;
    lines.push(
      `  ${type.padEnd(14)} ${kb(weight.html).padStart(7)} ${kb(weight.css).padStart(7)} ${kb(weight.js).padStart(7)} ${kb(weight.total).padStart(8)}  ${verdict(ok)}`,
    );
  }
  return { lines, failures };
}

async function main(): Promise<void> {
  // The idea-box snapshot reads the database: a throwaway embedded one keeps the bench away from .data/.
  process.env["PARLONS_PGLITE_DIR"] ??= "memory://";
  const work = await mkdtemp(join(tmpdir(), "parlons-bench-build-"));
  try {
    const corpus = loadCorpus();
    const demoContent = resolve("content");
    const largeContent = join(work, "large-content");
    const plainInput = join(work, "plain-input");
    const pageCount = largeSite.consultations + largeSite.news + largeSite.events;

    await generateLargeContent(demoContent, largeContent, corpus);
    await writePlainPages(plainInput, pageCount, corpus);

    const imageCacheDir = join(work, "image-cache");
    const demo = await timed(() => buildSite({ outDir: join(work, "demo"), quiet: true, admin: false, imageCacheDir }));
    const runs = Math.max(1, Number(process.env["BENCH_BUILD_RUNS"] ?? 3) || 1);
    const larges: { seconds: number; value: unknown[] }[] = [];
    const plains: { seconds: number; value: number }[] = [];
    for (let run = 0; run < runs; run++) {
      const outDir = join(work, `large-${run}`);
      larges.push(await timed(() => buildSite({ contentDir: largeContent, outDir, quiet: true, admin: false, imageCacheDir })));
      plains.push(await timed(() => buildPlain(plainInput, join(work, `plain-${run}`))));
      // Only the first outputs are read back (page weights); the others would only fill the disk.
      if (run > 0) await Promise.all([rm(outDir, { recursive: true }), rm(join(work, `plain-${run}`), { recursive: true })]);
    }
    const large = { seconds: median(larges.map((run) => run.seconds)), files: larges[0]!.value.length };
    const plain = { seconds: median(plains.map((run) => run.seconds)), files: plains[0]!.value };
    const admin = await timed(() => buildAdmin(join(work, "admin")));

    const ratio = median(larges.map((run, index) => run.seconds / plains[index]!.seconds));
    const out: string[] = [
      "",
      `Build times (${process.env["CI"] ? "CI" : "local"}, ${(await import("node:os")).cpus().length} cores, Node ${process.version})`,
      `  demo site                     ${demo.seconds.toFixed(2).padStart(6)} s  (${demo.value.length} files; first start of the database, images encoded into an empty cache)`,
      `  large site                    ${large.seconds.toFixed(2).padStart(6)} s  (${large.files} files; ${largeSite.consultations} consultations, ${largeSite.news} news, ${largeSite.events} events; images from the cache)  ${verdict(large.seconds < budget.largeSeconds)} (< ${budget.largeSeconds} s)`,
      `  plain Eleventy, ${pageCount} pages   ${plain.seconds.toFixed(2).padStart(6)} s  (${plain.files} files)`,
      `  ratio large / plain           ${ratio.toFixed(2).padStart(6)}    ${verdict(ratio <= budget.ratio)} (≤ ${budget.ratio})`,
      `  (${runs} alternating runs, medians; large ${seconds(larges.map((run) => run.seconds))} s, plain ${seconds(plains.map((run) => run.seconds))} s)`,
      `  Decap admin bundle            ${admin.seconds.toFixed(2).padStart(6)} s  (esbuild, part of every real build; timed apart from the site builds above)`,
      "",
    ];
    const demoRows = weightRows("demo site", await weights(join(work, "demo"), await loadContent(demoContent)));
    const largeRows = weightRows("large site", await weights(join(work, "large-0"), await loadContent(largeContent)));
    const failed =
      demoRows.failures + largeRows.failures + Number(large.seconds >= budget.largeSeconds) + Number(ratio > budget.ratio);
    out.push(...demoRows.lines, "", ...largeRows.lines, "", failed === 0 ? "All budgets met." : `${failed} budget(s) missed.`);
    console.log(out.join("\n"));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
