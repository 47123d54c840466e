// Global data files written in TypeScript (site/_data/*.ts). Eleventy 3.1 only imports .js/.cjs/.mjs data
// files itself, so .ts files get a data extension that imports them with the loader already running the build
// (tsx for the CLI and scripts, Vitest in tests) — https://www.11ty.dev/docs/data-custom/
//
// Contract for site/_data/<name>.ts: `export default (context: DataContext) => value | Promise<value>`.
// Eleventy gathers its data anew on every build and every watch rebuild, so the function runs again each
// time: edits in content/ are re-read without restarting. The module itself is imported once per process
// (no cache-busting query: Vitest picks the TypeScript transform by extension), so an edit to a data file's
// own code needs a restart. The value is frozen (freeze.ts).
import { pathToFileURL } from "node:url";
import { deepFreeze } from "./freeze.ts";
import type { SiteOptions } from "./options.ts";

/** The build's options, one object per build (also the key of its loaded content). */
export type DataContext = SiteOptions;

type DataModule = { default: (context: DataContext) => unknown };

export default function dataPlugin(eleventyConfig: any, options: SiteOptions): void {
  eleventyConfig.addDataExtension("ts", {
    read: false,
    parser: async (filePath: string) => {
      const module = (await import(pathToFileURL(filePath).href)) as DataModule;
      return deepFreeze(await module.default(options));
    },
  });
  eleventyConfig.addWatchTarget(options.contentDir);
}
