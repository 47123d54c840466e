// The same journey against a real PostgreSQL server: the throwaway cluster of the global test setup, which
// exists whenever the server binaries do (and CI fails without them, see tests/setup/global.ts).
import { inject, it } from "vitest";
import { journeySuite } from "./journey.ts";

const postgresUrl = inject("pgUrl");

if (postgresUrl) journeySuite("PostgreSQL", () => postgresUrl);
else it.skip("citizen journey on PostgreSQL (no server binaries here: apt-get install postgresql)", () => {});
