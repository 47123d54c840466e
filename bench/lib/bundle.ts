// Each function's bundle as Netlify builds it with node_bundler = "esbuild": one minified ESM file per entry,
// dependencies inlined, Node built-ins left out. Its size drives cold starts.
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

export interface BundleSize {
  name: string;
  bytes: number;
  gzip: number;
}

export async function functionBundleSizes(dir = "functions/api"): Promise<BundleSize[]> {
  const entries = (await readdir(dir)).filter((file) => /\.(ts|mts|js|mjs)$/.test(file) && !/\.test\./.test(file)).sort();
  const sizes: BundleSize[] = [];
  for (const entry of entries) {
    const result = await build({
      entryPoints: [join(dir, entry)],
      bundle: true,
      minify: true,
      platform: "node",
      format: "esm",
      target: "node20",
      write: false,
      logLevel: "silent",
      outdir: "out",
    });
    const code = result.outputFiles.find((file) => file.path.endsWith(".js"));
    if (!code) throw new Error(`${entry}: esbuild produced no JavaScript`);
    sizes.push({ name: entry.replace(/\.[^.]+$/, ""), bytes: code.contents.length, gzip: gzipSync(code.contents).length });
  }
  return sizes;
}
