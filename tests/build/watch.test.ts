// Watch mode, as the dev server runs it: an organizer's edit in the content folder rebuilds the site in the
// same process, and the page shows the new text.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { watchSite, type SiteWatcher } from "../../site/_config/build.ts";
import { projectRoot } from "../../site/_config/options.ts";
import { demoNow } from "./helpers.ts";

let watcher: SiteWatcher | undefined;
let root: string | undefined;

afterAll(async () => {
  await watcher?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

it("rebuilds the page when a content file changes", async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "parlons-watch-"));
  const contentDir = path.join(root, "content");
  const outDir = path.join(root, "site");
  await cp(path.join(projectRoot, "content"), contentDir, { recursive: true });

  let builds = 0;
  let notify = () => {};
  watcher = await watchSite({
    contentDir,
    outDir,
    quiet: true,
    admin: false,
    clock: () => demoNow,
    onBuild: () => {
      builds += 1;
      notify();
    },
  });
  expect(builds).toBe(1);

  const rebuilt = new Promise<void>((resolve) => (notify = resolve));
  const article = path.join(contentDir, "news/fr/marche-producteurs.md");
  const source = await readFile(article, "utf8");
  await writeFile(article, source.replace(/^title: .*$/m, "title: Titre modifié pendant le watch"));
  await rebuilt;

  const page = await readFile(path.join(outDir, "actualites/marche-producteurs/index.html"), "utf8");
  expect(page).toContain("<h1>Titre modifié pendant le watch</h1>");
});
