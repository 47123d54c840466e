// Netlify deploys every top-level file of functions/api as a function: nothing else may live there.
import { readdir } from "node:fs/promises";
import { describe, expect, it } from "vitest";

const dir = new URL("../../functions/api/", import.meta.url);
const files = (await readdir(dir)).sort();

describe("functions/api", () => {
  it("holds only TypeScript function entries (tests live in tests/functions)", () => {
    expect(files.filter((name) => !name.endsWith(".ts") || name.endsWith(".test.ts"))).toEqual([]);
  });

  it.each(files)("%s exports a handler and its public path", async (name) => {
    const entry = (await import(new URL(name, dir).href)) as { default?: unknown; config?: { path?: unknown } };
    expect(typeof entry.default).toBe("function");
    const paths = [entry.config?.path].flat();
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) expect(path).toMatch(/^\//);
  });
});
