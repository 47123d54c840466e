// The hostile-text suite through the functions on the embedded engine (in-memory PGlite).
import { startHarness } from "../../functions/lib/testing/harness.ts";
import { textInputSuite } from "./text-input.suite.ts";

textInputSuite(() => startHarness(), { name: "pglite", version: /^PostgreSQL \d+.*emscripten/ });
