// Writes what the functions need of the content (consultations, the commune's name, the site shells) into
// `<functionsDir>/content.json` after each build and each watch rebuild, so the dev server's function pages
// follow content edits and a deploy ships the content it was built from (site/_lib/content/functions-content.ts).
import { readFileSync } from "node:fs";
import path from "node:path";
import { functionsContent, writeFunctionsContent, type FunctionsContent } from "../_lib/content/functions-content.ts";
import { langs } from "../_lib/content/types.ts";
import { buildContent } from "./content.ts";
import type { SiteOptions } from "./options.ts";
import { routes } from "./routes.ts";

/** The shells this build wrote (one per language of the site's settings). */
function builtShells(outDir: string): FunctionsContent["shells"] {
  const shells: FunctionsContent["shells"] = {};
  for (const lang of langs) {
    try {
      shells[lang] = readFileSync(path.join(outDir, routes.shell[lang]), "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  return shells;
}

export default function functionsContentPlugin(eleventyConfig: any, options: SiteOptions): void {
  eleventyConfig.on("eleventy.after", () => {
    const store = buildContent(options);
    if (store) writeFunctionsContent(options.functionsDir, functionsContent(store, builtShells(options.outDir)));
  });
}
