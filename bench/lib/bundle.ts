// Each function's bundle as Netlify builds it with node_bundler = "esbuild": one minified ESM file per entry,
// dependencies inlined except netlify.toml's `external_node_modules` (shipped beside the bundle), Node
// built-ins left out. Its size drives cold starts.
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build, type BuildOptions } from "esbuild";
import { loadNetlifyConfig } from "../../scripts/dev/netlify-config.ts";

export interface BundleSize {
  name: string;
  bytes: number;
  gzip: number;
}

export interface FunctionBundle {
  name: string;
  code: Uint8Array;
  /** What the bundle still imports at run time (Node built-ins, the external packages), and how. */
  imports: { path: string; kind: "import-statement" | "dynamic-import" | string }[];
}

async function functionEntries(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((file) => /\.(ts|mts|js|mjs)$/.test(file) && !/\.test\./.test(file)).sort();
}

/** The esbuild options Netlify uses for one function, externals read from netlify.toml. */
export async function functionBuildOptions(netlifyConfigPath = "netlify.toml"): Promise<BuildOptions> {
  const { externalNodeModules } = await loadNetlifyConfig(netlifyConfigPath);
  return {
    bundle: true,
    minify: true,
    platform: "node",
    format: "esm",
    target: "node20",
    external: externalNodeModules,
    // Netlify's own banner (zip-it-and-ship-it, for esbuild issue 1921): CommonJS code inlined into an ES
    // module may still call require() for Node built-ins.
    banner: { js: `import { createRequire as __netlifyCreateRequire } from "node:module"; const require = __netlifyCreateRequire(import.meta.url);` },
    write: false,
    logLevel: "silent",
    outdir: "out",
  };
}

export async function functionBundles(dir = "functions/api"): Promise<FunctionBundle[]> {
  const options = await functionBuildOptions();
  const bundles: FunctionBundle[] = [];
  for (const entry of await functionEntries(dir)) {
    const result = await build({ ...options, entryPoints: [join(dir, entry)], metafile: true });
    const code = result.outputFiles?.find((file) => file.path.endsWith(".js"));
    const output = Object.values(result.metafile?.outputs ?? {}).find((file) => file.entryPoint);
    if (!code || !output) throw new Error(`${entry}: esbuild produced no JavaScript`);
    const imports = output.imports.map(({ path, kind }) => ({ path, kind }));
    bundles.push({ name: entry.replace(/\.[^.]+$/, ""), code: code.contents, imports });
  }
  return bundles;
}

export async function functionBundleSizes(dir = "functions/api"): Promise<BundleSize[]> {
  return (await functionBundles(dir)).map(({ name, code }) => ({ name, bytes: code.length, gzip: gzipSync(code).length }));
}
