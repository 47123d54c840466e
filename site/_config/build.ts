// Programmatic builds. The CLI config is not loaded here: Eleventy would import eleventy.config.ts with Node's
// own loader, which cannot read TypeScript on Node 20 inside Vitest. The same parlonsConfig() runs instead,
// through Eleventy's `config` callback, so both paths build the same site.
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import parlonsConfig from "./index.ts";
import { inputDir, resolveOptions, type SiteOptions } from "./options.ts";

export interface BuildOptions extends Partial<SiteOptions> {
  /** No per-file log lines. */
  quiet?: boolean;
}

export interface BuiltPage {
  url: string | false;
  inputPath: string;
  outputPath: string | false;
}

type OnBuild = () => void | Promise<void>;

function createEleventy(options: BuildOptions, runMode: "build" | "watch", onBuild?: OnBuild): { eleventy: any; site: SiteOptions } {
  const site = resolveOptions(options);
  const eleventy = new Eleventy(path.relative(process.cwd(), inputDir) || ".", site.outDir, {
    configPath: false,
    quietMode: options.quiet ?? false,
    runMode,
    config: (eleventyConfig: any) => {
      parlonsConfig(eleventyConfig, site);
      if (onBuild) eleventyConfig.on("eleventy.after", onBuild);
    },
  });
  return { eleventy, site };
}

/** A failed build, named after its innermost cause (a content field, a contrast pair), not Eleventy's wrapper. */
export class SiteBuildError extends Error {
  override name = "SiteBuildError";
}

/** Eleventy and Nunjucks wrap errors several times, in `originalError` or `cause`. */
export function rootCause(error: unknown): unknown {
  let current = error;
  for (;;) {
    const inner = (current as { originalError?: unknown; cause?: unknown } | undefined)?.originalError ??
      (current as { cause?: unknown } | undefined)?.cause;
    if (!(inner instanceof Error)) return current;
    current = inner;
  }
}

/** Builds the site once into `outDir` (default _site/) and lists the pages written. */
export async function buildSite(options: BuildOptions = {}): Promise<BuiltPage[]> {
  const { eleventy } = createEleventy(options, "build");
  try {
    const [, results] = (await eleventy.write()) as [unknown, BuiltPage[]];
    return results.flat();
  } catch (error) {
    const cause = rootCause(error);
    throw new SiteBuildError(cause instanceof Error ? cause.message : String(cause), { cause: error });
  }
}

export interface SiteWatcher {
  close(): Promise<void>;
}

/**
 * Builds, then rebuilds on changes to site/, templates/ and the content folder, in this process (the dev
 * server relies on that to share its embedded database with the build). `onBuild` runs after each build.
 */
export async function watchSite(options: BuildOptions & { onBuild?: OnBuild } = {}): Promise<SiteWatcher> {
  const { eleventy } = createEleventy(options, "watch", options.onBuild);
  // watch() expects an initialized instance, as the CLI does before calling it.
  await eleventy.init();
  await eleventy.watch();
  return { close: () => eleventy.stopWatch() };
}
