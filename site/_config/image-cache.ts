// Encoded images kept across builds. eleventy-img encodes each source (by content) with each set of options
// once, into a cache folder; every build then copies the files its pages use into <outDir>/img. Only new or
// changed media cost an encode (about 2 s of CPU for the demo's three photos), on a laptop and, once the
// folder persists between deploys, on the host.
//
// eleventy-img's own disk cache (files found in its outputDir) is not enough: it remembers a missing file for
// the rest of the process, so a second build in the same process (the bench, a test file) encodes again, and
// it writes in place, so a build running beside it could copy half a file. Here every file is written under
// a temporary name then renamed, and the manifest last: a manifest found means complete files.
import { createHash, randomUUID } from "node:crypto";
import { copyFile, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import Image, { type ImageMetadata } from "@11ty/eleventy-img";

async function writeAtomically(file: string, data: string | Buffer): Promise<void> {
  const temporary = `${file}.${randomUUID()}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, file);
}

async function readManifest(file: string): Promise<ImageMetadata | undefined> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as ImageMetadata;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** The metadata of `source` encoded with `options` (eleventy-img's), from the cache or encoded into it. */
export async function cachedImage(source: string, options: Record<string, unknown>, cacheDir: string): Promise<ImageMetadata> {
  const key = createHash("sha256").update(await readFile(source)).update(JSON.stringify(options)).digest("base64url");
  const manifest = path.join(cacheDir, `${key.slice(0, 20)}.json`);
  const cached = await readManifest(manifest);
  if (cached) return cached;

  await mkdir(cacheDir, { recursive: true });
  const metadata = await Image(source, { ...options, outputDir: cacheDir, dryRun: true });
  const files = Object.values(metadata).flat();
  await Promise.all(files.map((file) => file.buffer && writeAtomically(path.join(cacheDir, file.filename), file.buffer)));
  // The manifest holds what generateHTML reads, not the bytes nor where this build's cache happened to be.
  const described = Object.fromEntries(
    Object.entries(metadata).map(([format, list]) => [format, list.map(({ buffer: _, outputPath: __, ...file }) => file)]),
  );
  await writeAtomically(manifest, JSON.stringify(described));
  return described;
}

/** Copies the files of `metadata` from the cache into `dir` (the build's img folder). */
export async function publishImage(metadata: ImageMetadata, cacheDir: string, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await Promise.all(
    Object.values(metadata)
      .flat()
      .map((file) => copyFile(path.join(cacheDir, file.filename), path.join(dir, file.filename))),
  );
}
