// Watch mode, as the dev server runs it: an organizer's edit in the content folder rebuilds the site in the
// same process, and the page shows the new text, as do the functions' live pages.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { findConsultation } from "../../functions/lib/ideabox/consultation.ts";
import { watchSite, type SiteWatcher } from "../../site/_config/build.ts";
import { projectRoot } from "../../site/_config/options.ts";
import { demoNow } from "./helpers.ts";

const previousContent = process.env.PARLONS_FUNCTIONS_CONTENT;

let watcher: SiteWatcher | undefined;
let root: string | undefined;

afterAll(async () => {
  if (previousContent === undefined) delete process.env.PARLONS_FUNCTIONS_CONTENT;
  else process.env.PARLONS_FUNCTIONS_CONTENT = previousContent;
  await watcher?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

const rebuilt = { notify: () => {} };

/** Gives a content file a new title and waits for the rebuild it triggers. */
async function edit(file: string, title: string): Promise<void> {
  const done = new Promise<void>((resolve) => (rebuilt.notify = resolve));
  const source = await readFile(file, "utf8");
  await writeFile(file, source.replace(/^title: .*$/m, `title: ${title}`));
  await done;
}

it("rebuilds the page when a content file changes", async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "parlons-watch-"));
  const contentDir = path.join(root, "content");
  const outDir = path.join(root, "site");
  await cp(path.join(projectRoot, "content"), contentDir, { recursive: true });

  let builds = 0;
  // The functions read what this build writes beside its output, as `npm start`'s do.
  process.env.PARLONS_FUNCTIONS_CONTENT = path.join(root, "_functions", "content.json");
  watcher = await watchSite({
    contentDir,
    outDir,
    quiet: true,
    admin: false,
    clock: () => demoNow,
    onBuild: () => {
      builds += 1;
      rebuilt.notify();
    },
  });
  expect(builds).toBe(1);

  await edit(path.join(contentDir, "news/fr/marche-producteurs.md"), "Titre modifié pendant le watch");
  const page = await readFile(path.join(outDir, "actualites/marche-producteurs/index.html"), "utf8");
  expect(page).toContain("<h1>Titre modifié pendant le watch</h1>");
});

it("gives the functions the edited consultation after the rebuild", async () => {
  expect((await findConsultation("plan-velo", "fr")).title).not.toBe("Plan vélo revu pendant le watch");
  await edit(path.join(root!, "content/consultations/fr/plan-velo.md"), "Plan vélo revu pendant le watch");
  expect((await findConsultation("plan-velo", "fr")).title).toBe("Plan vélo revu pendant le watch");
});
