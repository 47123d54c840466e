// Applies supabase/bootstrap (every time: it is idempotent) then the supabase/migrations not yet applied, in
// name order, on PGlite or plain PostgreSQL. Supabase runs the same migrations with its CLI, which records
// them in the same table (supabase_migrations.schema_migrations).
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The two things the runner needs from a connection (PGlite and a pg client both fit with a thin wrapper). */
export interface SqlSession {
  /** Runs a script of several statements, without parameters. */
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** supabase/ beside the sources; in a bundled function (Netlify), the copy shipped with `included_files`. */
export const defaultSqlDir = [fileURLToPath(new URL("../../../supabase/", import.meta.url)), resolve("supabase")].find(
  (dir) => existsSync(join(dir, "migrations")),
) ?? resolve("supabase");

const migrationFile = /^(\d+)_([a-z0-9_]+)\.sql$/;
// Any fixed number: it keeps two processes starting on one database from migrating it at the same time.
const migrationLockKey = 7_216_000_001;

async function sqlFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.endsWith(".sql")).sort();
}

/** Runs bootstrap and pending migrations; resolves to the versions it applied. */
export async function migrate(session: SqlSession, sqlDir = defaultSqlDir): Promise<string[]> {
  await session.query("select pg_advisory_lock($1)", [migrationLockKey]);
  try {
    const bootstrapDir = join(sqlDir, "bootstrap");
    for (const name of await sqlFiles(bootstrapDir)) await session.exec(await readFile(join(bootstrapDir, name), "utf8"));

    await session.exec(`
      create schema if not exists supabase_migrations;
      create table if not exists supabase_migrations.schema_migrations (
        version text primary key, name text, applied_at timestamptz not null default now());`);
    const done = new Set(
      (await session.query<{ version: string }>("select version from supabase_migrations.schema_migrations")).map(
        (row) => row.version,
      ),
    );

    const applied: string[] = [];
    const migrationsDir = join(sqlDir, "migrations");
    for (const file of await sqlFiles(migrationsDir)) {
      const match = migrationFile.exec(file);
      if (!match) throw new Error(`Migration file name must be <digits>_<snake_case>.sql: ${file}`);
      const [, version, name] = match as unknown as [string, string, string];
      if (done.has(version)) continue;
      const sql = await readFile(join(migrationsDir, file), "utf8");
      try {
        // The name pattern above makes both values safe to inline.
        await session.exec(`begin;\n${sql}\n;insert into supabase_migrations.schema_migrations (version, name)
          values ('${version}', '${name}');\ncommit;`);
      } catch (error) {
        await session.exec("rollback");
        throw new Error(`Migration ${file} failed`, { cause: error });
      }
      applied.push(version);
    }
    return applied;
  } finally {
    await session.query("select pg_advisory_unlock($1)", [migrationLockKey]);
  }
}
