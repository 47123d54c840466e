// Adapter choice by environment, persistence of the embedded database, and migrations applied once.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createDataPort } from "./index.ts";
import { defaultSqlDir } from "./migrate.ts";

const migrationVersions = async () =>
  (await readdir(join(defaultSqlDir, "migrations"))).map((file) => file.split("_")[0]).sort();

describe("createDataPort", () => {
  it("uses PGlite in PARLONS_PGLITE_DIR, keeps data across restarts and migrates only once", async () => {
    const dir = await mkdtemp(join(tmpdir(), "parlons-pglite-"));
    try {
      const first = await createDataPort({ PARLONS_PGLITE_DIR: dir });
      await first.call("sync_consultation", { p_consultation: { slug: "persisted", title: "Gardée" } });
      await first.close();

      const second = await createDataPort({ PARLONS_PGLITE_DIR: dir });
      await expect(second.call("list_propositions", { p_consultation_slug: "persisted" })).resolves.toEqual({ total: 0, items: [], viewer: null });
      await second.close();
      const { PGlite } = await import("@electric-sql/pglite");
      const db = await PGlite.create({ dataDir: dir });
      const { rows } = await db.query<{ version: string }>("select version from supabase_migrations.schema_migrations order by version");
      await db.close();
      expect(rows.map((row) => row.version)).toEqual(await migrationVersions());
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    // Three PGlite starts on a folder, the first one creating it: slow on a loaded CI machine.
  }, 180_000);

  describe("with Supabase variables", () => {
    const requests: { url: string; apikey: string | undefined }[] = [];
    const server = createServer((request, response) => {
      requests.push({ url: request.url ?? "", apikey: request.headers.apikey as string | undefined });
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ revoked: 0 }));
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it.each([
      ["SUPABASE_SECRET_KEY", "sb_secret_test"],
      ["SUPABASE_SERVICE_ROLE_KEY", "legacy.service.jwt"],
    ])("calls Supabase RPC with %s", async (variable, key) => {
      if (!server.listening) await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const port = await createDataPort({ SUPABASE_URL: url, [variable]: key, DATABASE_URL: "postgres://unused" });
      await expect(port.call("sign_out", { p_session_id: "s" })).resolves.toEqual({ revoked: 0 });
      expect(requests.at(-1)).toEqual({ url: "/rest/v1/rpc/sign_out", apikey: key });
    });
  });

  const pgUrl = inject("pgUrl");
  describe.skipIf(!pgUrl)("with DATABASE_URL", () => {
    it("migrates at start unless PARLONS_MIGRATE=0", async () => {
      const name = `parlons_env_${Date.now()}`;
      const admin = new pg.Client({ connectionString: pgUrl! });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(pgUrl!);
      url.pathname = `/${name}`;
      const unmigrated = await createDataPort({ DATABASE_URL: url.href, PARLONS_MIGRATE: "0" });
      await expect(unmigrated.call("sign_out", { p_session_id: crypto.randomUUID() })).rejects.toMatchObject({ code: "internal" });
      await unmigrated.close();
      const migrated = await createDataPort({ DATABASE_URL: url.href });
      await expect(migrated.call("sign_out", { p_session_id: crypto.randomUUID() })).resolves.toEqual({ revoked: 0 });
      await migrated.close();
    });
  });
});
