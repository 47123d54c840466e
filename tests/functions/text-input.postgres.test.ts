// The hostile-text suite through the functions on a real PostgreSQL server (a fresh database on the throwaway
// cluster of tests/setup/global.ts, reached through DATABASE_URL and the pg adapter). Skipped only where no
// server binaries exist, which CI refuses.
import { basename, dirname } from "node:path";
import { describe, inject } from "vitest";
import { startHarness } from "../../functions/lib/testing/harness.ts";
import { findPostgresBin } from "../../scripts/pg-cluster.ts";
import { textInputSuite } from "./text-input.suite.ts";

const pgUrl = inject("pgUrl");
// The cluster runs the newest binaries installed (/usr/lib/postgresql/<major>/bin): its version() must say so.
const major = basename(dirname(findPostgresBin() ?? "none/bin"));

describe.skipIf(!pgUrl)("on PostgreSQL", () => {
  textInputSuite(() => startHarness({ postgres: pgUrl! }), { name: "postgres", version: new RegExp(`^PostgreSQL ${major}\\.\\d+ `) });
});
