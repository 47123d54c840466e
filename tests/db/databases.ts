// Runs a suite on every database the data port supports here: PGlite always, real PostgreSQL when
// tests/setup/global.ts started a cluster. Each suite gets one fresh database for the whole file.
import { afterAll, beforeAll, describe, inject } from "vitest";
import {
  createPostgresTestDataPort,
  createTestDataPort,
  type TestDataPort,
} from "../../functions/lib/db/testing.ts";

export type DatabaseName = "pglite" | "postgres";

export function describeEachDatabase(
  title: string,
  suite: (port: () => TestDataPort, database: DatabaseName) => void,
  options: { poolSize?: number } = {},
): void {
  const pgUrl = inject("pgUrl");
  const databases: { name: DatabaseName; create: (() => Promise<TestDataPort>) | undefined }[] = [
    { name: "pglite", create: createTestDataPort },
    {
      name: "postgres",
      create: pgUrl ? () => createPostgresTestDataPort(pgUrl, { max: options.poolSize }) : undefined,
    },
  ];
  for (const { name, create } of databases) {
    describe.skipIf(!create)(`${title} (${name})`, () => {
      let port: TestDataPort | undefined;
      beforeAll(async () => {
        port = await create!();
      });
      afterAll(async () => {
        await port?.close();
      });
      suite(() => port!, name);
    });
  }
}
