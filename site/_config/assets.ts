// Static assets written beside the pages: the site stylesheet (our CSS plus each module's, one file, minified
// by esbuild), client bundles (site/assets/js/*.ts → /assets/js/*.js), the commune's brand stylesheet (a
// template, site/assets/css/brand.njk, so a contrast failure stops the build with its message) and the font
// files that stylesheet points to.
import { copyFile, mkdir, readdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import * as esbuild from "esbuild";
import { brandCss, fontAssets } from "../_lib/branding/index.ts";
import { moduleIds } from "../_lib/modules/index.ts";
import { buildContent } from "./content.ts";
import { inputDir, projectRoot, type SiteOptions } from "./options.ts";

const cssDir = path.join(inputDir, "assets/css");
const jsDir = path.join(inputDir, "assets/js");
const moduleCss = (id: string) => path.join(projectRoot, "templates/modules", id, `${id}.css`);

/** Our stylesheet first, then the styles of each module that has one. */
export function stylesheetSources(): string[] {
  return [path.join(cssDir, "site.css"), ...moduleIds.map(moduleCss).filter((file) => existsSync(file))];
}

async function bundleCss(outDir: string): Promise<void> {
  await esbuild.build({
    stdin: {
      contents: stylesheetSources().map((file) => `@import ${JSON.stringify(file)};`).join("\n"),
      resolveDir: projectRoot,
      loader: "css",
    },
    bundle: true,
    minify: true,
    // Font files and images referenced from CSS stay where the site serves them.
    external: ["/assets/*", "/media/*"],
    outfile: path.join(outDir, "assets/css/site.css"),
    logLevel: "silent",
  });
}

async function bundleJs(outDir: string): Promise<void> {
  const entries = existsSync(jsDir)
    ? (await readdir(jsDir)).filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))
    : [];
  if (entries.length === 0) return;
  await esbuild.build({
    entryPoints: entries.map((name) => path.join(jsDir, name)),
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2020",
    outdir: path.join(outDir, "assets/js"),
    logLevel: "silent",
  });
}

async function copyFonts(options: SiteOptions): Promise<void> {
  const settings = buildContent(options)?.settings;
  if (!settings) return;
  for (const { from, to } of fontAssets(settings.font)) {
    const target = path.join(options.outDir, to);
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(from, target);
  }
}

export default function assetsPlugin(eleventyConfig: any, options: SiteOptions): void {
  eleventyConfig.addFilter("brandCss", brandCss);
  // The base layout preloads the brand font: with `font-display: optional` it is used only if it arrives in time.
  eleventyConfig.addFilter("fontUrls", (id: string) => fontAssets(id).map(({ to }) => to));
  eleventyConfig.on("eleventy.before", () => Promise.all([bundleCss(options.outDir), bundleJs(options.outDir)]));
  eleventyConfig.on("eleventy.after", () => copyFonts(options));
  eleventyConfig.addWatchTarget(path.join(inputDir, "assets"));
  for (const id of moduleIds) eleventyConfig.addWatchTarget(path.dirname(moduleCss(id)));
}
