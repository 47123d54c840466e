// The same journey against a real PostgreSQL server: the cluster the global test setup starts when the
// server binaries exist. CI installs them (.ci/run), so there a missing cluster is a failure, not a skip.
import { inject, it } from "vitest";
import { journeySuite } from "./journey.ts";

const postgresUrl = inject("pgUrl" as never) as string | undefined;

if (postgresUrl) journeySuite("PostgreSQL", () => postgresUrl);
else if (process.env["CI"]) {
  it("has a PostgreSQL cluster to run the journey on", () => {
    throw new Error("No PostgreSQL cluster: tests/setup/global.ts provides none (are the server binaries installed?)");
  });
} else it.skip("citizen journey on PostgreSQL (no server binaries here: apt-get install postgresql)", () => {});
