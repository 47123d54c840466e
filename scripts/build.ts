// Production build: `npm run build` writes the site into _site/ (Netlify's publish folder).
import { buildSite } from "../site/_config/build.ts";

try {
  const pages = await buildSite({ quiet: true });
  console.log(`Built ${pages.length} files into _site/`);
} catch (error) {
  // SiteBuildError carries the innermost cause: the content file and field, or the failing colour pair.
  console.error(`Build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
