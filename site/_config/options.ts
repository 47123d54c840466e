// Options shared by every Parlons Eleventy plugin. One object, built once per build, so that the CLI config,
// the programmatic build (tests, bench) and the dev server all describe a build the same way.
import path from "node:path";
import type { ContentStore } from "../_lib/content/types.ts";

export interface SiteOptions {
  /** Absolute path of the organizer content (settings, collections, media). */
  contentDir: string;
  /** Absolute path of the output folder. */
  outDir: string;
  /**
   * Absolute path of what the build writes for the functions only (content.json), outside the publish folder;
   * by default `_functions` beside `outDir`, so a test's build in a temporary folder keeps its own.
   */
  functionsDir: string;
  /** The instant a build treats as "now" (current phase, upcoming events); read again on each watch rebuild. */
  clock: () => Date;
  /** Bundle the Decap admin into <outDir>/admin (about 3 s, once per process; tests that don't need it skip it). */
  admin: boolean;
  /** Where encoded images are kept between builds (image-cache.ts); default .cache/images, git-ignored. */
  imageCacheDir: string;
  /**
   * The content of `contentDir`, when the caller has loaded it already (`npm run build` loads it once, to sync
   * the database and to build): the first build uses it, watch rebuilds read the folder again.
   */
  loadedContent?: ContentStore;
}

export const projectRoot = path.resolve(import.meta.dirname, "../..");
export const inputDir = path.join(projectRoot, "site");

export function resolveOptions(partial: Partial<SiteOptions> = {}): SiteOptions {
  const outDir = path.resolve(partial.outDir ?? path.join(projectRoot, "_site"));
  return {
    contentDir: path.resolve(partial.contentDir ?? path.join(projectRoot, "content")),
    outDir,
    functionsDir: path.resolve(partial.functionsDir ?? path.join(path.dirname(outDir), "_functions")),
    clock: partial.clock ?? (() => new Date()),
    admin: partial.admin ?? true,
    imageCacheDir: path.resolve(partial.imageCacheDir ?? path.join(projectRoot, ".cache/images")),
    loadedContent: partial.loadedContent,
  };
}
