// The build's content: loaded once per build, or handed over by a caller that loaded it already.
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { loadContent } from "../_lib/content/load.ts";
import { buildContent, loadBuildContent } from "./content.ts";
import { projectRoot, resolveOptions } from "./options.ts";

it("builds first from the content its caller loaded, then reads the folder again on a rebuild", async () => {
  const contentDir = path.join(await mkdtemp(path.join(tmpdir(), "parlons-content-")), "content");
  await cp(path.join(projectRoot, "content"), contentDir, { recursive: true });
  const loaded = await loadContent(contentDir);
  const options = resolveOptions({ contentDir, loadedContent: loaded });

  expect(await loadBuildContent(options)).toBe(loaded);
  expect(buildContent(options)).toBe(loaded);

  await rm(path.join(contentDir, "settings"), { recursive: true });
  await expect(loadBuildContent(options)).rejects.toThrow(/site\.yml : Le fichier est introuvable\./);
});
