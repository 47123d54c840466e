// Participation modules plug into the site by convention: site/_config/<module>.ts is the module's Eleventy
// plugin (its shortcode for the consultation page's module area) and site/assets/js/<module>.ts its client
// bundle. A consultation page loads the bundles of the modules its phases use, and no other JavaScript.
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Consultation } from "../_lib/content/types.ts";
import { moduleIds, type ModuleId } from "../_lib/modules/index.ts";
import { inputDir, type SiteOptions } from "./options.ts";
import { usesModule } from "./listings.ts";

const clientBundle = (id: ModuleId) => path.join(inputDir, "assets/js", `${id}.ts`);

export function moduleScripts(consultation: Consultation): string[] {
  return moduleIds
    .filter((id) => usesModule(consultation, id) && existsSync(clientBundle(id)))
    .map((id) => `/assets/js/${id}.js`);
}

export default async function modulesPlugin(eleventyConfig: any, options: SiteOptions): Promise<void> {
  eleventyConfig.addGlobalData("moduleScripts", () => moduleScripts);
  for (const id of moduleIds) {
    const plugin = path.join(import.meta.dirname, `${id}.ts`);
    if (existsSync(plugin)) eleventyConfig.addPlugin((await import(pathToFileURL(plugin).href)).default, options);
  }
}
