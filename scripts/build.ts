// Production build: `npm run build` copies content/'s consultations into the database, then writes the site
// into _site/ (Netlify's publish folder). Both in one process: the database the functions will check (phases,
// module settings) must match the pages being published, and the idea-box snapshot reads that database.
// Deploy previews and branch deploys only read it (syncSkipReason).
import { getDataPort } from "../functions/lib/db/index.ts";
import { loadContent } from "../site/_lib/content/load.ts";
import { type BuildOptions, buildSite } from "../site/_config/build.ts";
import { syncContent, syncSkipReason } from "./sync-content.ts";

/** Syncs (when the context allows it) then builds; resolves to the number of files written. */
export async function build(env: NodeJS.ProcessEnv = process.env, site: BuildOptions = {}): Promise<number> {
  const port = await getDataPort();
  try {
    // Loaded and validated once, for the sync and for the pages.
    const content = await loadContent(site.contentDir ?? "content");
    const skipped = syncSkipReason(env);
    if (skipped) console.log(`Sync skipped: ${skipped}`);
    else console.log(`Synced ${await syncContent(port, content)} consultation(s) into the database`);
    const pages = await buildSite({ quiet: true, ...site, loadedContent: content });
    console.log(`Built ${pages.length} files into ${site.outDir ?? "_site"}/`);
    return pages.length;
  } finally {
    await port.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await build().catch((error: unknown) => {
    // SiteBuildError and ContentError carry the innermost cause: the content file and field, or the colour pair.
    console.error(`Build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
