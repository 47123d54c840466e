// Chooses the data port from the environment (docs/ARCHITECTURE.md, "Data port"). Each adapter is imported
// only once chosen: a function's cold start then evaluates one adapter, not three (supabase-js alone, bundled,
// took longer to evaluate than the rest of a bundle).
import type { DataPort } from "./port.ts";

export type { ActionArgs, ActionName, DataPort } from "./port.ts";

/**
 * Supabase if its URL and a secret key are set, else DATABASE_URL, else PGlite in .data/pglite, opened by one
 * process at a time: a second process gets a port that forwards to that owner (pglite-folder.ts).
 */
export async function createDataPort(env: NodeJS.ProcessEnv = process.env): Promise<DataPort> {
  const secretKey = env.SUPABASE_SECRET_KEY || env.SUPABASE_SERVICE_ROLE_KEY;
  if (env.SUPABASE_URL && secretKey) {
    const { createSupabaseDataPort } = await import("./supabase.ts");
    return createSupabaseDataPort({ url: env.SUPABASE_URL, secretKey });
  }
  if (env.DATABASE_URL) {
    const { createPostgresDataPort } = await import("./postgres.ts");
    return createPostgresDataPort({ connectionString: env.DATABASE_URL, migrate: env.PARLONS_MIGRATE !== "0" });
  }
  const dataDir = env.PARLONS_PGLITE_DIR || ".data/pglite";
  // A throwaway in-memory database belongs to this process alone: nothing to share, nothing to lock.
  if (dataDir.startsWith("memory://")) return (await import("./pglite.ts")).createPGliteDataPort(dataDir);
  return (await import("./pglite-folder.ts")).openPGliteFolder(dataDir);
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
