import { chmod, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { findChromium } from "./ensure-chromium.ts";

it("prefers an executable CHROMIUM_PATH and passes over one that cannot run", async () => {
  const dir = await mkdtemp(join(tmpdir(), "chromium-"));
  const executable = join(dir, "chromium");
  const plain = join(dir, "not-executable");
  await writeFile(executable, "#!/bin/sh\n");
  await chmod(executable, 0o755);
  await writeFile(plain, "");
  expect(findChromium({ CHROMIUM_PATH: executable })).toBe(executable);
  // Falls back to Debian's path (present wherever the browser tests run), never to the unusable file.
  expect(findChromium({ CHROMIUM_PATH: plain })).not.toBe(plain);
  expect(findChromium({ CHROMIUM_PATH: join(dir, "missing") })).not.toBe(join(dir, "missing"));
});
