// Every function's bundle, built as Netlify builds it, stays small for cold starts (issue 7). A heavy library
// (a spreadsheet writer, a Markdown renderer) goes into netlify.toml's external_node_modules and is imported
// where it is used, or runs at build time; it never grows a bundle past the limit.
import { describe, expect, it } from "vitest";
import { functionBundles, functionBundleSizes } from "../../bench/lib/bundle.ts";
import { loadNetlifyConfig } from "../../scripts/dev/netlify-config.ts";

const limitBytes = 400 * 1024;

describe("function bundles", () => {
  it("are each at most 400 KB minified", async () => {
    const sizes = await functionBundleSizes();
    expect(sizes.length).toBeGreaterThan(0);
    const over = sizes.filter((size) => size.bytes > limitBytes).map((size) => `${size.name}: ${(size.bytes / 1024).toFixed(0)} KB`);
    expect(over).toEqual([]);
  });

  it("load netlify.toml's external packages only where they are used, through import()", async () => {
    const { externalNodeModules } = await loadNetlifyConfig();
    expect(externalNodeModules).toEqual(expect.arrayContaining(["@electric-sql/pglite", "pg", "nodemailer", "ws"]));
    const isExternal = (path: string) => externalNodeModules.some((name) => path === name || path.startsWith(`${name}/`));
    const eager: string[] = [];
    for (const { name, imports } of await functionBundles()) {
      // A static import would load the package at every cold start, used or not.
      for (const { path, kind } of imports) if (isExternal(path) && kind !== "dynamic-import") eager.push(`${name}: ${kind} of ${path}`);
    }
    expect(eager).toEqual([]);
  });
});
