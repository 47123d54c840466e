// The Decap admin (site/admin, bundled by its own build script) is written into <outDir>/admin with the site.
// It depends on the content model's code, not on content, so watch rebuilds reuse the first bundle.
import path from "node:path";
import { buildAdmin } from "../admin/build.ts";
import { buildContent } from "./content.ts";
import type { SiteOptions } from "./options.ts";

export default function adminPlugin(eleventyConfig: any, options: SiteOptions): void {
  if (!options.admin) return;
  let built: Promise<void> | undefined;
  eleventyConfig.on("eleventy.after", () => {
    built ??= buildAdmin(path.join(options.outDir, "admin"), { siteUrl: buildContent(options)?.settings.baseUrl }).catch(
      (error: unknown) => {
        built = undefined; // let the next rebuild try again
        throw error;
      },
    );
    return built;
  });
}
