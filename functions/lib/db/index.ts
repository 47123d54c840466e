// Chooses the data port from the environment (docs/ARCHITECTURE.md, "Data port").
import { createPGliteDataPort } from "./pglite.ts";
import { openPGliteFolder } from "./pglite-folder.ts";
import type { DataPort } from "./port.ts";
import { createPostgresDataPort } from "./postgres.ts";
import { createSupabaseDataPort } from "./supabase.ts";

export type { ActionArgs, ActionName, DataPort } from "./port.ts";

/**
 * Supabase if its URL and a secret key are set, else DATABASE_URL, else PGlite in .data/pglite, opened by one
 * process at a time: a second process gets a port that forwards to that owner (pglite-folder.ts).
 */
export async function createDataPort(env: NodeJS.ProcessEnv = process.env): Promise<DataPort> {
  const secretKey = env.SUPABASE_SECRET_KEY || env.SUPABASE_SERVICE_ROLE_KEY;
  if (env.SUPABASE_URL && secretKey) return createSupabaseDataPort({ url: env.SUPABASE_URL, secretKey });
  if (env.DATABASE_URL) {
    return createPostgresDataPort({ connectionString: env.DATABASE_URL, migrate: env.PARLONS_MIGRATE !== "0" });
  }
  const dataDir = env.PARLONS_PGLITE_DIR || ".data/pglite";
  // A throwaway in-memory database belongs to this process alone: nothing to share, nothing to lock.
  return dataDir.startsWith("memory://") ? createPGliteDataPort(dataDir) : openPGliteFolder(dataDir);
}

let shared: Promise<DataPort> | undefined;

/** The process-wide data port, created on first use. */
export function getDataPort(): Promise<DataPort> {
  shared ??= createDataPort().catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  return shared;
}
