import { defineConfig } from "vitest/config";

// Tests live beside the code (x.ts / x.test.ts) plus cross-cutting suites in tests/.
// Forks, not threads: PGlite (WASM) and Chromium are happier in separate processes.
export default defineConfig({
  test: {
    include: ["{site,functions,templates,scripts,supabase,tests}/**/*.test.ts"],
    exclude: ["node_modules/**", "_site/**", ".data/**"],
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 180_000,
    globalSetup: ["tests/setup/global.ts"],
  },
});
