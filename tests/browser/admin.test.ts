// Issue 2: the real Decap CMS bundle loads at /admin under its own CSP, logs in through the local backend
// (decap-server), lists every collection of the content model and the demo entries, with no console error.
// Issue 8: editing a French-only entry writes no English file. decap-server writes into a copy of content/.
import { cp, mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { collections } from "../../site/_lib/content/model/index.ts";
import { startDecapServer, type DecapServer } from "../../scripts/dev/decap.ts";
import { collectErrors, launchChromium } from "./chromium.ts";
import { startTestSite, type TestSite } from "./site.ts";

let site: TestSite;
let decap: DecapServer;
let browser: Browser;
let repo: string;

beforeAll(async () => {
  site = await startTestSite({ admin: true });
  repo = await mkdtemp(join(tmpdir(), "parlons-admin-"));
  await cp("content", join(repo, "content"), { recursive: true });
  decap = await startDecapServer({ repoDir: repo, exclusive: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await decap?.close();
  await site?.close();
  if (repo) await rm(repo, { recursive: true, force: true });
});

async function logIn(page: Page): Promise<void> {
  await page.goto(`${site.url}/admin/`);
  await page.getByRole("button", { name: /^(login|se connecter)$/i }).click({ timeout: 30_000 });
}

it("Decap CMS logs in with the local backend and lists every collection", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = collectErrors(page);
  const response = await page.goto(`${site.url}/admin/`);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["content-security-policy"]).toContain("'unsafe-eval'");

  await logIn(page);
  for (const collection of collections) {
    await expect
      .poll(() => page.getByRole("link", { name: collection.label, exact: true }).count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
  }
  // The entries come from content/ through decap-server: the demo consultations are listed.
  const consultations = collections.find((collection) => collection.name === "consultations");
  await page.getByRole("link", { name: consultations?.label ?? "—", exact: true }).first().click();
  const consultation = site.store.consultations.find((c) => c.lang === "fr");
  await expect.poll(() => page.getByText(consultation?.title ?? "—").count(), { timeout: 30_000 }).toBeGreaterThan(0);
  await context.close();
  expect(errors, errors.join("\n")).toEqual([]);
}, 180_000);

// Issue 8, point 4: choosing a cover image made Decap write an English file of copied values (the image's `src`,
// an i18n "duplicate" sub-field, and the "duplicate" fields it fills into any English draft), and the build then
// demanded a complete translation.
it("saves a new cover image on a French-only consultation without writing an English file", async () => {
  const slug = "place-du-marche";
  const french = join(repo, "content/consultations/fr", `${slug}.md`);
  const englishFolder = join(repo, "content/consultations/en");
  expect(await readFile(french, "utf8")).toContain("src: /media/place-du-marche.jpg");
  const before = await readdir(englishFolder);
  expect(before).not.toContain(`${slug}.md`);

  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = collectErrors(page);
  await logIn(page);
  await page.goto(`${site.url}/admin/#/collections/consultations/entries/${slug}`);
  // The French pane comes first; before issue 8 the English one showed the duplicated picture with its own button.
  await page.getByRole("button", { name: "Choisir une image différente" }).first().click({ timeout: 30_000 });
  await page.getByText("plan-velo.jpg", { exact: true }).click({ timeout: 30_000 });
  await page.getByRole("button", { name: "Choisir les éléments sélectionnés" }).click();
  await page.getByRole("button", { name: "Publier", exact: true }).click();
  await page.getByText("Publier maintenant", { exact: true }).click();

  await expect.poll(() => readFile(french, "utf8"), { timeout: 30_000 }).toContain("src: /media/plan-velo.jpg");
  // Decap writes every locale of an entry in one persist: once the French file changed, English was decided.
  expect(await readdir(englishFolder)).toEqual(before);
  await context.close();
  expect(errors, errors.join("\n")).toEqual([]);
}, 180_000);
