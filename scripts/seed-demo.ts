// Fills the local database with the demo commune's participation (supabase/seed.sql) so that `npm start`
// shows a living idea box and a finished consultation with its outcomes. Runs after the content sync, since
// the seed finds consultations by slug; the SQL itself does nothing when demo citizens already exist.
import { readFile } from "node:fs/promises";
import pg from "pg";
import type { DataPort } from "../functions/lib/db/port.ts";
import type { PGliteDataPort } from "../functions/lib/db/pglite.ts";

const seedFile = new URL("../supabase/seed.sql", import.meta.url);

function isPGlite(port: DataPort): port is PGliteDataPort {
  return "db" in port;
}

/**
 * Runs the seed as the database owner: PGlite directly (refused with PGliteInUseError when another process owns
 * the folder), or DATABASE_URL. Supabase: `supabase db reset`.
 */
export async function seedDemo(port: DataPort, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const sql = await readFile(seedFile, "utf8");
  if (isPGlite(port)) {
    await port.db.exec(sql);
    return true;
  }
  if (!env.DATABASE_URL) return false;
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
  return true;
}
