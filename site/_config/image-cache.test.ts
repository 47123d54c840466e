// The image cache across builds: one encode per source content and options, even within one process.
import { copyFile, mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { cachedImage, publishImage } from "./image-cache.ts";
import { projectRoot } from "./options.ts";

const logo = path.join(projectRoot, "content/media/logo.svg");
const options = { widths: [16, 32], formats: ["webp"], urlPath: "/img/" };

/** The demo logo copied to a folder of its own: a source path eleventy-img has never seen. */
async function source(root: string, name: string, extra = ""): Promise<string> {
  const dir = await mkdtemp(path.join(root, "media-"));
  const file = path.join(dir, name);
  await copyFile(logo, file);
  if (extra) await writeFile(file, (await readFile(file, "utf8")) + extra);
  return file;
}

it("encodes an image once, then serves every build from the cache, in the same process too", async () => {
  const root = await mkdtemp(path.join(tmpdir(), "parlons-image-cache-"));
  const cacheDir = path.join(root, "cache");
  const first = await cachedImage(await source(root, "logo.svg"), options, cacheDir);
  const files = first["webp"]!.map((file) => file.filename);
  expect(files).toHaveLength(2);
  const cached = await readdir(cacheDir);
  expect(cached.filter((name) => !name.endsWith(".json")).sort()).toEqual([...files].sort());
  expect(cached.filter((name) => name.endsWith(".json"))).toHaveLength(1);

  // Tamper with a cached file: a second build must copy it as is rather than encode again.
  await writeFile(path.join(cacheDir, files[0]!), "from the cache");
  const second = await cachedImage(await source(root, "renamed.svg"), options, cacheDir);
  expect(second).toEqual(first);
  const site = path.join(root, "site", "img");
  await publishImage(second, cacheDir, site);
  expect(await readFile(path.join(site, files[0]!), "utf8")).toBe("from the cache");
  expect((await readdir(site)).sort()).toEqual([...files].sort());

  // Other bytes are another image.
  const changed = await cachedImage(await source(root, "logo.svg", "<!-- v2 -->"), options, cacheDir);
  expect(changed["webp"]!.map((file) => file.filename)).not.toEqual(files);
});

it("lets builds side by side encode one image, each file renamed into place", async () => {
  const root = await mkdtemp(path.join(tmpdir(), "parlons-image-cache-"));
  const cacheDir = path.join(root, "cache");
  await mkdir(cacheDir);
  await Promise.all([1, 2, 3].map(async (n) => cachedImage(await source(root, `logo-${n}.svg`), options, cacheDir)));
  expect((await readdir(cacheDir)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
});
