// The Decap admin (site/admin, bundled by its own build script) is written into <outDir>/admin with the site.
// It depends on the content model's code, not on content, so it is bundled once per process, alongside the
// first build's pages rather than after them (esbuild works on another core).
import path from "node:path";
import { buildAdmin } from "../admin/build.ts";
import { firstBuildContent } from "./content.ts";
import type { SiteOptions } from "./options.ts";

export default function adminPlugin(eleventyConfig: any, options: SiteOptions): void {
  if (!options.admin) return;
  let built: Promise<void> | undefined;
  eleventyConfig.on("eleventy.before", () => {
    if (built) return;
    built = firstBuildContent(options)
      .then((store) => buildAdmin(path.join(options.outDir, "admin"), { siteUrl: store.settings.baseUrl }))
      .catch((error: unknown) => {
        built = undefined; // let the next rebuild try again
        throw error;
      });
    // Reported by eleventy.after below; a build failing earlier must not also crash on an unobserved rejection.
    built.catch(() => {});
  });
  eleventyConfig.on("eleventy.after", () => built);
}
