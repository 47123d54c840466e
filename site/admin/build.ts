// Bundles the Decap admin into <outDir>/index.html + cms.js + cms.css. Called by the site build and the dev server.
import { copyFile, mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";
import { decapConfig } from "../_lib/content/decap.ts";
import { collections } from "../_lib/content/model/index.ts";
import { backendFromEnv } from "./backend.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/**
 * Decap's notifications inject react-toastify's CSS as an inline <style>, which the admin CSP (no
 * 'unsafe-inline') blocks. The injection becomes a no-op and the same CSS ships as the external cms.css.
 */
const toastifyCssAsFile: Plugin = {
  name: "toastify-css-as-file",
  setup(build) {
    build.onResolve({ filter: /^react-toastify\/dist\/inject-style$/ }, () => ({ path: "inject-style", namespace: "parlons-stub" }));
    build.onLoad({ filter: /.*/, namespace: "parlons-stub" }, () => ({ contents: "export function injectStyle() {}", loader: "js" }));
  },
};

/** Emotion's <style> elements are blocked by the same CSP: its sheet is replaced, see emotion-sheet.ts. */
const emotionAdoptedSheets: Plugin = {
  name: "emotion-adopted-sheets",
  setup(build) {
    build.onResolve({ filter: /^@emotion\/sheet$/ }, () => ({ path: path.join(here, "emotion-sheet.ts") }));
  },
};

export interface AdminBuildOptions {
  /** Production drops `local_backend` and requires the backend variables. Default: NODE_ENV === "production". */
  production?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Public site URL shown in Decap's header. */
  siteUrl?: string;
}

/** Writes the admin into `outDir` (normally _site/admin). */
export async function buildAdmin(outDir: string, options: AdminBuildOptions = {}): Promise<void> {
  const env = options.env ?? process.env;
  const production = options.production ?? env["NODE_ENV"] === "production";
  const config = decapConfig({
    backend: backendFromEnv(env, production),
    localBackend: !production,
    ...(options.siteUrl ? { siteUrl: options.siteUrl } : {}),
  });
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: [path.join(here, "cms.ts")],
    outfile: path.join(outDir, "cms.js"),
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    minify: true,
    legalComments: "none",
    logLevel: "error",
    plugins: [toastifyCssAsFile, emotionAdoptedSheets],
    define: {
      "process.env.NODE_ENV": '"production"',
      global: "window",
      PARLONS_DECAP_CONFIG: JSON.stringify(config),
      // The content model for the rules (rules/draft.ts): plain data, so the browser needs none of its modules.
      PARLONS_CONTENT_MODEL: JSON.stringify(collections),
    },
  });
  await copyFile(path.join(here, "index.html"), path.join(outDir, "index.html"));
  await copyFile(require.resolve("react-toastify/dist/ReactToastify.min.css"), path.join(outDir, "cms.css"));
}
