// Eleventy CLI configuration. Eleventy 3.1 looks only for .eleventy.js and eleventy.config.{js,mjs,cjs}, and
// Node 20 cannot import TypeScript by itself, so this file is loaded through tsx, which registers a TypeScript
// loader before Eleventy imports the config:
//
//   npx tsx node_modules/@11ty/eleventy/cmd.cjs --config=eleventy.config.ts [--serve | --watch]
//
// `npm run build` and the dev server do not go through here: they call buildSite()/watchSite()
// (site/_config/build.ts), which apply the same parlonsConfig().
import parlonsConfig from "./site/_config/index.ts";
import { resolveOptions } from "./site/_config/options.ts";

export default function (eleventyConfig: any): void {
  // The output folder may come from --output: read it back so assets and images land beside the pages.
  parlonsConfig(eleventyConfig, resolveOptions({ outDir: eleventyConfig.directories.output }));
}

export const config = {
  dir: { input: "site", includes: "../templates", layouts: "../templates/layouts", data: "_data", output: "_site" },
};
