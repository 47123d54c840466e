// The baseline: Eleventy alone turning the same number of bare Markdown pages into HTML, no layout, no data.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import Eleventy from "@11ty/eleventy";
import { pick, type Corpus } from "./corpus.ts";

export async function writePlainPages(dir: string, count: number, corpus: Corpus): Promise<void> {
  await mkdir(dir, { recursive: true });
  const perFolder = 500;
  for (let i = 0; i < count; i++) {
    const folder = join(dir, `part-${Math.floor(i / perFolder)}`);
    if (i % perFolder === 0) await mkdir(folder, { recursive: true });
    const opinion = pick(corpus.opinions, i);
    await writeFile(join(folder, `page-${i}.md`), `---\ntitle: ${JSON.stringify(opinion.title)}\n---\n\n${opinion.body}\n`);
  }
}

export async function buildPlain(inputDir: string, outDir: string): Promise<number> {
  const eleventy = new Eleventy(inputDir, outDir, { quietMode: true, configPath: false });
  const [, results] = (await eleventy.write()) as [unknown, unknown[]];
  return results.flat().length;
}
