// One demo site per test file: a throwaway database (in-memory PGlite, or a fresh database on the PostgreSQL
// cluster the global setup started), content synced into it, the site built into a temp folder, and the
// local server started in this process on a free port, with the outbox page.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { getDataPort, type DataPort } from "../../functions/lib/db/index.ts";
import { listOutbox } from "../../functions/lib/mail/outbox.ts";
import { buildSite } from "../../site/_config/build.ts";
import { functionsContentFile } from "../../site/_lib/content/functions-content.ts";
import { loadContent } from "../../site/_lib/content/load.ts";
import type { ContentStore } from "../../site/_lib/content/types.ts";
import { outboxPage } from "../../scripts/dev/outbox.ts";
import { startServer } from "../../scripts/dev/server.ts";
import { seedDemo } from "../../scripts/seed-demo.ts";
import { syncContent } from "../../scripts/sync-content.ts";

export interface TestSite {
  url: string;
  store: ContentStore;
  port: DataPort;
  close(): Promise<void>;
}

/** A new, empty database on the cluster, so this file's journey cannot meet another suite's rows. */
async function freshDatabase(clusterUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `parlons_browser_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: clusterUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/**
 * Must run before anything opens the data port: the environment chooses the adapter once per process.
 * `admin` bundles Decap into /admin, which only the admin test needs; `seed` adds the demo participation
 * (supabase/seed.sql), for pages that show propositions and comments.
 */
export async function startTestSite(options: { postgresUrl?: string; admin?: boolean; seed?: boolean } = {}): Promise<TestSite> {
  const work = await mkdtemp(join(tmpdir(), "parlons-browser-"));
  const database = options.postgresUrl ? await freshDatabase(options.postgresUrl) : undefined;
  delete process.env["SUPABASE_URL"];
  if (database) process.env["DATABASE_URL"] = database.url;
  else {
    delete process.env["DATABASE_URL"];
    process.env["PARLONS_PGLITE_DIR"] = "memory://";
  }
  process.env["PARLONS_OUTBOX_DIR"] = join(work, "outbox");
  // The build below writes the functions' content beside its output (resolveOptions' functionsDir).
  process.env["PARLONS_FUNCTIONS_CONTENT"] = join(work, "_functions", functionsContentFile);
  const siteDir = join(work, "site");
  process.env["PARLONS_SECRET"] ??= "browser-tests-secret-not-for-production-0123456789";

  const store = await loadContent("content");
  const port = await getDataPort();
  await syncContent(port, store);
  if (options.seed) await seedDemo(port);
  await buildSite({ outDir: siteDir, quiet: true, admin: options.admin ?? false });
  const server = await startServer({ siteDir, devRoutes: { "/_dev/outbox": outboxPage(listOutbox) } });
  return {
    url: server.url,
    store,
    port,
    close: async () => {
      await server.close();
      await port.close();
      await database?.drop();
      await rm(work, { recursive: true, force: true });
    },
  };
}

/** The consultation whose phase is open now with the idea box, where citizens can act. */
export function openConsultation(store: ContentStore, now = new Date()) {
  const found = store.consultations.find(
    (c) => c.lang === "fr" && c.phases.some((p) => p.start <= now && now < p.end && p.modules.ideabox?.["submissions_open"]),
  );
  if (!found) throw new Error("The demo content has no consultation with an open idea box");
  return found;
}
