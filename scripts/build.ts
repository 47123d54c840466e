// Production build: `npm run build` copies content/'s consultations into the database, then writes the site
// into _site/ (Netlify's publish folder). Both in one process: the database the functions will check (phases,
// module settings) must match the pages being published, and the idea-box snapshot reads that database.
import { getDataPort } from "../functions/lib/db/index.ts";
import { loadContent } from "../site/_lib/content/load.ts";
import { buildSite } from "../site/_config/build.ts";
import { syncContent } from "./sync-content.ts";

const port = await getDataPort();
try {
  const synced = await syncContent(port, await loadContent("content"));
  console.log(`Synced ${synced} consultation(s) into the database`);
  const pages = await buildSite({ quiet: true });
  console.log(`Built ${pages.length} files into _site/`);
} catch (error) {
  // SiteBuildError and ContentError carry the innermost cause: the content file and field, or the colour pair.
  console.error(`Build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await port.close();
}
