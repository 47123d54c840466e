// The functions read only the build's content JSON, and follow it when the dev server rewrites it.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { functionsContentVersion, writeFunctionsContent, type FunctionsContent } from "../../site/_lib/content/functions-content.ts";
import { getContent } from "./content.ts";

let dir: string;
const previous = process.env.PARLONS_FUNCTIONS_CONTENT;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "parlons-functions-content-"));
});
afterAll(async () => {
  if (previous === undefined) delete process.env.PARLONS_FUNCTIONS_CONTENT;
  else process.env.PARLONS_FUNCTIONS_CONTENT = previous;
  await rm(dir, { recursive: true, force: true });
});

function content(communeName: string): FunctionsContent {
  return { version: functionsContentVersion, settings: { communeName }, consultations: [], shells: {} };
}

describe("getContent", () => {
  it("reads the file the build writes, and again as soon as a rebuild replaces it", async () => {
    process.env.PARLONS_FUNCTIONS_CONTENT = writeFunctionsContent(join(dir, "follow"), content("Alpha"));
    expect((await getContent()).settings.communeName).toBe("Alpha");
    // Same size, written within the same millisecond: only the rename's new inode tells them apart.
    writeFunctionsContent(join(dir, "follow"), content("Omega"));
    expect((await getContent()).settings.communeName).toBe("Omega");
  });

  it("keeps one parse while the file is unchanged", async () => {
    process.env.PARLONS_FUNCTIONS_CONTENT = writeFunctionsContent(join(dir, "once"), content("Une fois"));
    expect(await getContent()).toBe(await getContent());
  });

  it("refuses a file written by another version, and says what to do without a build", async () => {
    const file = join(dir, "old.json");
    await writeFile(file, JSON.stringify({ ...content("Ancienne"), version: functionsContentVersion + 1 }));
    process.env.PARLONS_FUNCTIONS_CONTENT = file;
    await expect(getContent()).rejects.toThrow(/another version of Parlons: build the site again/);
    process.env.PARLONS_FUNCTIONS_CONTENT = join(dir, "missing.json");
    await expect(getContent()).rejects.toThrow(/missing: build the site first/);
  });
});
