// Any PostgreSQL server by URL: self-hosting, and CI against a real server. `pg` stays out of the function
// bundles (netlify.toml's external_node_modules) and is loaded here, so a Supabase deployment never loads it.
import type { Pool } from "pg";
import { toAppError, unwrapResult } from "./errors.ts";
import { migrate } from "./migrate.ts";
import type { DataPort } from "./port.ts";
import { actionStatement } from "./sql-call.ts";

export interface PostgresOptions {
  connectionString: string;
  /** Apply bootstrap and migrations first (PARLONS_MIGRATE=0 turns it off). */
  migrate?: boolean;
  /** Pool size. */
  max?: number;
}

/** Applies bootstrap and pending migrations through one connection as the URL's own (owner) role. */
const loadPg = async () => (await import("pg")).default;

export async function migratePostgres(connectionString: string): Promise<string[]> {
  const pg = await loadPg();
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await migrate({
      exec: async (sql) => void (await client.query(sql)),
      query: async (sql, params) => (await client.query(sql, params)).rows,
    });
  } finally {
    await client.end();
  }
}

export async function createPostgresDataPort(options: PostgresOptions): Promise<DataPort> {
  if (options.migrate ?? true) await migratePostgres(options.connectionString);

  // Every pooled connection acts as service_role, as the functions do on Supabase, so grants and revokes are
  // exercised; one statement per call keeps each action atomic and costs a single round trip.
  const pg = await loadPg();
  const pool: Pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    options: "-c role=service_role",
  });
  // An idle connection dropped by the server (restart, failover) is discarded by the pool; without a listener
  // the event would crash the process.
  pool.on("error", (error) => console.error("[db] idle PostgreSQL connection lost:", error.message));

  return {
    async call<T>(action: Parameters<DataPort["call"]>[0], args: Parameters<DataPort["call"]>[1]): Promise<T> {
      const { text, values } = actionStatement(action, args);
      let result: unknown;
      try {
        result = (await pool.query<{ result: unknown }>(text, values)).rows[0]?.result;
      } catch (error) {
        throw toAppError(error, action);
      }
      return unwrapResult<T>(result, action);
    },
    close: () => pool.end(),
  };
}
