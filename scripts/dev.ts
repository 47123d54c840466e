// `npm start`: the whole of Parlons on one machine, in one process (PGlite is single-process, and the
// build's idea-box snapshot reads the same database as the functions).
//   database (PGlite in .data/, or DATABASE_URL) ← content/ consultations synced at start and on change
//   Eleventy build of site/ into _site/, rebuilt on changes
//   local server on :8888 with netlify.toml's headers, the functions at their paths, /_dev/outbox
//   decap-server on :8081 so /admin edits content/
import { getDataPort } from "../functions/lib/db/index.ts";
import { listOutbox } from "../functions/lib/mail/outbox.ts";
import { loadContent } from "../site/_lib/content/load.ts";
import { watchSite } from "../site/_config/build.ts";
import { decapPort, startDecapServer } from "./dev/decap.ts";
import { outboxPage } from "./dev/outbox.ts";
import { startServer } from "./dev/server.ts";
import { watchFolder } from "./dev/watch.ts";
import { seedDemo } from "./seed-demo.ts";
import { syncContent } from "./sync-content.ts";

const contentDir = "content";
const port = Number(process.env["PORT"] ?? 8888);

async function sync(): Promise<void> {
  const count = await syncContent(await getDataPort(), await loadContent(contentDir));
  console.log(`[dev] ${count} consultation(s) synced into the database`);
}

async function main(): Promise<void> {
  console.log(`[dev] database: ${process.env["DATABASE_URL"] ? "DATABASE_URL" : `PGlite in ${process.env["PARLONS_PGLITE_DIR"] ?? ".data/pglite"}`}`);
  await sync().catch((error: unknown) => console.error(`[dev] content not synced: ${(error as Error).message}`));
  // PARLONS_DEMO_SEED=0 starts with an empty idea box, e.g. to try a commune's own content.
  if (process.env["PARLONS_DEMO_SEED"] !== "0") {
    await seedDemo(await getDataPort()).catch((error: unknown) => console.error(`[dev] demo participation not seeded: ${(error as Error).message}`));
  }
  const site = await watchSite({ quiet: true, onBuild: () => console.log(`[dev] site built ${new Date().toLocaleTimeString("fr-FR")}`) });
  const contentWatcher = watchFolder(contentDir, sync);
  // Another port only for the smoke test of this command: /admin's config expects decap-server on 8081.
  const decap = await startDecapServer({ port: Number(process.env["DECAP_SERVER_PORT"] ?? decapPort) });
  const server = await startServer({ port, devRoutes: { "/_dev/outbox": outboxPage(listOutbox) } });

  console.log(
    [
      "",
      `  Parlons is running: ${server.url}/`,
      `  CMS (edits content/):   ${server.url}/admin/`,
      `  Sent mail (sign-in):    ${server.url}/_dev/outbox`,
      "",
    ].join("\n"),
  );

  const stop = async () => {
    contentWatcher.close();
    await Promise.allSettled([server.close(), decap.close(), site.close()]);
    await (await getDataPort()).close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

await main();
