// Builds a copy of the demo content into a temporary folder and reads the output back, for the build suites.
import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildSite, type BuildOptions } from "../../site/_config/build.ts";
import { projectRoot } from "../../site/_config/options.ts";

// The idea-box snapshot reads the database while building; tests use a throwaway in-memory one, never the
// developer's .data/pglite.
if (!process.env.DATABASE_URL) process.env.PARLONS_PGLITE_DIR ??= "memory://";

/** An instant inside the demo's open consultation and before its upcoming events. */
export const demoNow = new Date("2026-11-25T12:00:00Z");

export interface BuiltSite {
  dir: string;
  contentDir: string;
  /** Site-relative path of every file written (e.g. "consultations/plan-velo/index.html"). */
  files: string[];
  read(file: string): Promise<string>;
  /** The file a site URL is served from (/x/ → x/index.html), or undefined. */
  fileFor(url: string): string | undefined;
  cleanup(): Promise<void>;
}

async function listFiles(dir: string, base = dir): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? listFiles(full, base) : [path.relative(base, full)];
    }),
  );
  return nested.flat();
}

/** Copies content/ into a temp folder, lets `prepare` change it, then builds the site from it. */
export async function buildDemo(
  prepare: (contentDir: string) => Promise<void> = async () => {},
  options: BuildOptions = {},
): Promise<BuiltSite> {
  const root = await mkdtemp(path.join(os.tmpdir(), "parlons-build-"));
  const contentDir = path.join(root, "content");
  const dir = path.join(root, "site");
  try {
    await cp(path.join(projectRoot, "content"), contentDir, { recursive: true });
    await prepare(contentDir);
    await buildSite({ outDir: dir, contentDir, quiet: true, clock: () => demoNow, ...options });
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
  const files = await listFiles(dir);
  return {
    dir,
    contentDir,
    files,
    read: (file) => readFile(path.join(dir, file), "utf8"),
    fileFor(url) {
      const clean = decodeURIComponent(url.split(/[?#]/)[0] ?? "");
      const file = clean.endsWith("/") ? `${clean}index.html` : clean;
      return existsSync(path.join(dir, file)) ? file.replace(/^\//, "") : undefined;
    },
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

/** Every URL in href, src and srcset attributes of an HTML document. */
export function linkedUrls(html: string): string[] {
  const urls: string[] = [];
  for (const match of html.matchAll(/\s(href|src|srcset)="([^"]*)"/g)) {
    const [, attribute, value = ""] = match;
    if (attribute === "srcset") urls.push(...value.split(",").map((candidate) => candidate.trim().split(/\s+/)[0] ?? ""));
    else urls.push(value.replace(/&amp;/g, "&"));
  }
  return urls.filter(Boolean);
}
