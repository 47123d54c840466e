import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { openPGliteFolder } from "../functions/lib/db/pglite-folder.ts";
import { randomHash } from "../functions/lib/db/testing.ts";
import { purgeReport } from "./purge.ts";

it("prints one line per purged table", () => {
  expect(purgeReport({ sign_in_requests: 2, rate_limit_events: 0, sessions: 1 })).toBe(
    "sign_in_requests: 2 deleted\nrate_limit_events: 0 deleted\nsessions: 1 deleted",
  );
});

// The folder is created and migrated here, then the script starts in its own process: minutes on a loaded machine.
it("runs while another process owns the local database, through that owner, and prints what it deleted", { timeout: 240_000 }, async () => {
  const dir = await mkdtemp(join(tmpdir(), "parlons-purge-"));
  // This test process is the owner, as `npm start` would be: the script cannot open the folder itself.
  const owner = await openPGliteFolder(dir);
  try {
    const key = randomHash();
    await owner.db.query(
      `insert into public.rate_limit_events (bucket, key, at)
       values ('sign_in_ip', $1, now() - interval '3 days'), ('sign_in_ip', $1, now())`,
      [key],
    );

    // Asynchronous: the owner answers the script's forwarded call from this process's event loop.
    const run = await promisify(execFile)("node_modules/.bin/tsx", ["scripts/purge.ts"], {
      env: { ...process.env, PARLONS_PGLITE_DIR: dir, DATABASE_URL: "", SUPABASE_URL: "" },
      encoding: "utf8",
    });
    expect(run.stdout).toBe("sign_in_requests: 0 deleted\nrate_limit_events: 1 deleted\nsessions: 0 deleted\n");
    const left = await owner.db.query("select 1 from public.rate_limit_events where key = $1", [key]);
    expect(left.rows).toHaveLength(1);
  } finally {
    await owner.close();
    await rm(dir, { recursive: true, force: true });
  }
});
