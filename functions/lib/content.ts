// The organizer content, as the functions see it: the JSON the build writes for them (consultations' titles,
// themes, districts and phases, the commune's name, the site shells; site/_lib/content/functions-content.ts).
// The build validated it, so only its version is checked here. Parsed again only when the file changes: the
// dev server rewrites it on every rebuild, while a deployed function checks one file that never changes.
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import {
  functionsContentFile,
  functionsContentVersion,
  type FunctionsContent,
} from "../../site/_lib/content/functions-content.ts";

export function functionsContentPath(): string {
  return process.env.PARLONS_FUNCTIONS_CONTENT ?? join("_functions", functionsContentFile);
}

async function parse(file: string): Promise<FunctionsContent> {
  const content = JSON.parse(await readFile(file, "utf8")) as Partial<FunctionsContent> | null;
  if (content?.version !== functionsContentVersion || !Array.isArray(content.consultations)) {
    throw new Error(`${file} was written by another version of Parlons: build the site again`);
  }
  return content as FunctionsContent;
}

let cached: { key: string; content: Promise<FunctionsContent> } | undefined;

export async function getContent(): Promise<FunctionsContent> {
  const file = functionsContentPath();
  let key: string;
  try {
    // The build replaces the file by a rename: a new inode, so even a rewrite within the same millisecond shows.
    const { ino, mtimeMs, size } = await stat(file);
    key = `${file}:${ino}:${mtimeMs}:${size}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    throw new Error(`${file} is missing: build the site first (npm run build), or set PARLONS_FUNCTIONS_CONTENT`, { cause: error });
  }
  if (cached?.key !== key) {
    const content = parse(file);
    cached = { key, content };
    content.catch(() => {
      if (cached?.content === content) cached = undefined;
    });
  }
  return cached.content;
}
