// Global test setup: starts a throwaway PostgreSQL cluster when the server binaries exist, so the data-port
// suites also run against real PostgreSQL; tests read its URL with inject("pgUrl") (null when absent).
import type { TestProject } from "vitest/node";
import { migratePostgres } from "../../functions/lib/db/postgres.ts";
import { findPostgresBin, startPgCluster } from "../../scripts/pg-cluster.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Superuser URL of the throwaway cluster's `postgres` database, or null without PostgreSQL binaries. */
    pgUrl: string | null;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!findPostgresBin()) {
    const reason = "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin";
    if (process.env.CI === "true") throw new Error(`CI must run the real-PostgreSQL suites, but there are ${reason}.`);
    console.warn(`[tests] Real-PostgreSQL suites are skipped: ${reason} (apt-get install postgresql).`);
    project.provide("pgUrl", null);
    return async () => {};
  }
  // Durability is pointless for a throwaway cluster; many test files each open a small pool.
  const cluster = await startPgCluster({ fsync: "off", synchronous_commit: "off", max_connections: "300" });
  try {
    // Creates the cluster-wide roles once, so test files migrating their own databases in parallel never race.
    await migratePostgres(cluster.url);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  project.provide("pgUrl", cluster.url);
  return () => cluster.stop();
}
