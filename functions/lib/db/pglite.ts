// The embedded default: PostgreSQL in WASM, in-process, persisted in a git-ignored folder. PGlite stays out of
// the function bundles (netlify.toml's external_node_modules) and is loaded only when this adapter is chosen.
import { mkdir } from "node:fs/promises";
import type { PGlite } from "@electric-sql/pglite";
import { toAppError, unwrapResult } from "./errors.ts";
import { migrate } from "./migrate.ts";
import type { DataPort } from "./port.ts";
import { actionStatement } from "./sql-call.ts";

export interface PGliteDataPort extends DataPort {
  /** The database itself, as superuser: for tests that set up or inspect rows the actions never expose. */
  readonly db: PGlite;
}

/**
 * Opens PGlite in `dataDir` ('memory://' for a throwaway database) and migrates it. A folder is opened only by
 * its owner (`openPGliteFolder`, pglite-folder.ts): two instances on one folder lose acknowledged writes.
 */
export async function createPGliteDataPort(dataDir: string): Promise<PGliteDataPort> {
  if (!dataDir.startsWith("memory://")) await mkdir(dataDir, { recursive: true });
  const [{ PGlite }, { btree_gist }, { citext }, { pgcrypto }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("@electric-sql/pglite/contrib/btree_gist"),
    import("@electric-sql/pglite/contrib/citext"),
    import("@electric-sql/pglite/contrib/pgcrypto"),
  ]);
  const db = await PGlite.create({ dataDir, extensions: { btree_gist, citext, pgcrypto } });
  await migrate({
    exec: async (sql) => void (await db.exec(sql)),
    query: async (sql, params) => (await db.query(sql, params)).rows as never,
  });

  // PGlite has one connection: calls take turns, each in its own transaction.
  let tail: Promise<unknown> = Promise.resolve();
  function serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  }

  return {
    db,
    call<T>(action: Parameters<DataPort["call"]>[0], args: Parameters<DataPort["call"]>[1]): Promise<T> {
      const { text, values } = actionStatement(action, args);
      return serialized(async () => {
        let result: unknown;
        try {
          result = await db.transaction(async (tx) => {
            // Act as the functions do on Supabase, so grants and revokes are exercised.
            await tx.query("set local role service_role");
            return (await tx.query<{ result: unknown }>(text, values)).rows[0]?.result;
          });
        } catch (error) {
          throw toAppError(error, action);
        }
        return unwrapResult<T>(result, action);
      });
    },
    close: () => serialized(() => db.close()),
  };
}
