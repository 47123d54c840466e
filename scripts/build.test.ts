// Issue 6, point 10: a deploy preview of a draft must not write it into the production database. The build
// syncs consultations only in Netlify's production context and locally; other contexts only read.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it, vi } from "vitest";
import { createDataPort } from "../functions/lib/db/index.ts";
import type { PGliteDataPort } from "../functions/lib/db/pglite.ts";
import { syncSkipReason } from "./sync-content.ts";

const root = await mkdtemp(join(tmpdir(), "parlons-build-context-"));
afterAll(() => rm(root, { recursive: true, force: true }));

it.each([
  ["production", false],
  [undefined, false],
  ["", false],
  ["deploy-preview", true],
  ["branch-deploy", true],
  ["dev", true],
])("CONTEXT=%s skips the sync: %s", (context, skips) => {
  const reason = syncSkipReason(context === undefined ? {} : { CONTEXT: context });
  expect(reason !== undefined).toBe(skips);
  if (skips) expect(reason).toContain(`"${context}"`);
});

it("builds a deploy preview without writing a consultation, and says why", async () => {
  const dataDir = join(root, "pglite");
  // The build's idea-box snapshot reads through the process-wide data port, as on Netlify.
  vi.stubEnv("PARLONS_PGLITE_DIR", dataDir);
  vi.stubEnv("DATABASE_URL", "");
  vi.stubEnv("SUPABASE_URL", "");
  const log = vi.spyOn(console, "log");
  const { build } = await import("./build.ts");
  const files = await build({ ...process.env, CONTEXT: "deploy-preview" }, { outDir: join(root, "site"), admin: false });
  expect(files).toBeGreaterThan(10);
  expect(log.mock.calls.flat().join("\n")).toMatch(/Sync skipped: Netlify context "deploy-preview" is not production/);

  const port = (await createDataPort({ PARLONS_PGLITE_DIR: dataDir })) as PGliteDataPort;
  try {
    const { rows } = await port.db.query<{ n: number }>("select count(*)::int as n from public.consultations");
    expect(rows[0]!.n).toBe(0);
  } finally {
    await port.close();
  }
}, 240_000);
