import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { createPGliteDataPort } from "../functions/lib/db/pglite.ts";
import { randomHash } from "../functions/lib/db/testing.ts";
import { purgeReport } from "./purge.ts";

it("prints one line per purged table", () => {
  expect(purgeReport({ sign_in_requests: 2, rate_limit_events: 0, sessions: 1 })).toBe(
    "sign_in_requests: 2 deleted\nrate_limit_events: 0 deleted\nsessions: 1 deleted",
  );
});

// A fresh folder is migrated, then opened again by the script in its own process: minutes on a loaded machine.
it("runs on its own against the database the environment names, and prints what it deleted", { timeout: 240_000 }, async () => {
  const dir = await mkdtemp(join(tmpdir(), "parlons-purge-"));
  const key = randomHash();
  try {
    const seed = await createPGliteDataPort(dir);
    try {
      await seed.db.query(
        `insert into public.rate_limit_events (bucket, key, at)
         values ('sign_in_ip', $1, now() - interval '3 days'), ('sign_in_ip', $1, now())`,
        [key],
      );
    } finally {
      await seed.close();
    }

    const run = spawnSync("node_modules/.bin/tsx", ["scripts/purge.ts"], {
      env: { ...process.env, PARLONS_PGLITE_DIR: dir, DATABASE_URL: "", SUPABASE_URL: "" },
      encoding: "utf8",
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe("sign_in_requests: 0 deleted\nrate_limit_events: 1 deleted\nsessions: 0 deleted\n");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
