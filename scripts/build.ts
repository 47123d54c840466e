// Production build: `npm run build` writes the site into _site/ (Netlify's publish folder).
import { buildSite } from "../site/_config/build.ts";

try {
  const pages = await buildSite();
  console.log(`Built ${pages.length} files into _site/`);
} catch (error) {
  // Eleventy wraps template errors; the innermost cause names the content file and field at fault.
  let cause: unknown = error;
  while (cause instanceof Error && cause.cause) cause = cause.cause;
  console.error(error instanceof Error ? error.message : error);
  if (cause !== error && cause instanceof Error) console.error(`Cause: ${cause.message}`);
  process.exitCode = 1;
}
