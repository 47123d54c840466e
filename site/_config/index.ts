// The whole Parlons Eleventy configuration, shared by eleventy.config.ts (CLI) and buildSite() (tests, bench,
// dev server). Directories are set here because Eleventy forbids set*Directory inside plugins; everything else
// is one plugin per concern.
import path from "node:path";
import adminPlugin from "./admin.ts";
import assetsPlugin from "./assets.ts";
import dataPlugin from "./data.ts";
import datesPlugin from "./dates.ts";
import feedsPlugin from "./feeds.ts";
import functionsContentPlugin from "./functions-content.ts";
import i18nPlugin from "./i18n.ts";
import imagesPlugin from "./images.ts";
import listingsPlugin from "./listings.ts";
import markdownPlugin from "./markdown.ts";
import modulesPlugin from "./modules.ts";
import { inputDir, type SiteOptions } from "./options.ts";
import routesPlugin from "./routes.ts";
import sitemapPlugin from "./sitemap.ts";

export default function parlonsConfig(eleventyConfig: any, options: SiteOptions): void {
  // Relative to the input folder, as Eleventy expects.
  eleventyConfig.setIncludesDirectory("../templates");
  eleventyConfig.setLayoutsDirectory("../templates/layouts");
  eleventyConfig.setDataDirectory("_data");
  // Pages are Nunjucks; organizer Markdown arrives as data and is rendered by a filter.
  eleventyConfig.setTemplateFormats(["njk"]);
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false });

  // site/_lib is the shared domain library, not pages; READMEs are for engineers.
  eleventyConfig.ignores.add(path.join(path.relative(process.cwd(), inputDir), "_lib/**"));
  eleventyConfig.ignores.add("**/README.md");

  eleventyConfig.addPlugin(dataPlugin, options);
  eleventyConfig.addPlugin(i18nPlugin, options);
  eleventyConfig.addPlugin(routesPlugin);
  eleventyConfig.addPlugin(datesPlugin);
  eleventyConfig.addPlugin(markdownPlugin);
  eleventyConfig.addPlugin(listingsPlugin, options);
  eleventyConfig.addPlugin(modulesPlugin, options);
  eleventyConfig.addPlugin(feedsPlugin);
  eleventyConfig.addPlugin(sitemapPlugin);
  eleventyConfig.addPlugin(assetsPlugin, options);
  eleventyConfig.addPlugin(imagesPlugin, options);
  eleventyConfig.addPlugin(adminPlugin, options);
  eleventyConfig.addPlugin(functionsContentPlugin, options);
}
