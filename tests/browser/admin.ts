// Decap's /admin for browser tests: the admin alone (no site build), served by the local server under its own
// CSP, with decap-server writing into a throwaway copy of content/. One per test file: Decap is heavy.
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { buildAdmin } from "../../site/admin/build.ts";
import { startDecapServer, type DecapServer } from "../../scripts/dev/decap.ts";
import { startServer } from "../../scripts/dev/server.ts";
import { launchChromium } from "./chromium.ts";

export interface TestAdmin {
  url: string;
  /** The repository decap-server writes into: content/ lives under it. */
  repo: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * decap-server on the one port /admin talks to, writing into `repo`. Another test file's server there (they run
 * in parallel) would write into its own folder, so this waits for the port to be free.
 */
async function ownDecapServer(repo: string, patienceMs = 180_000): Promise<DecapServer> {
  const deadline = Date.now() + patienceMs;
  for (;;) {
    try {
      return await startDecapServer({ repoDir: repo, exclusive: true });
    } catch (error) {
      if (Date.now() > deadline || !/is taken by another Decap server|EADDRINUSE/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  }
}

export async function startTestAdmin(): Promise<TestAdmin> {
  const work = await mkdtemp(join(tmpdir(), "parlons-admin-"));
  const repo = join(work, "repo");
  await cp("content", join(repo, "content"), { recursive: true });
  await buildAdmin(join(work, "site/admin"), { production: false, env: {} });
  const server = await startServer({ siteDir: join(work, "site"), functionRoutes: [] });
  const decap = await ownDecapServer(repo).catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  const browser = await launchChromium();
  return {
    url: server.url,
    repo,
    browser,
    close: async () => {
      await browser.close();
      await decap.close();
      await server.close();
      await rm(work, { recursive: true, force: true });
    },
  };
}

/**
 * A logged-in admin page. Leaving an entry with unsaved changes asks for confirmation (accepted); anything else
 * Decap asks is declined: reopening an entry offers a local backup of the refused draft, and the file on disk
 * is what must open.
 */
export async function openAdmin(admin: TestAdmin): Promise<Page> {
  const page = await admin.browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("dialog", (dialog) => void (/quitter cette page/.test(dialog.message()) ? dialog.accept() : dialog.dismiss()));
  await page.goto(`${admin.url}/admin/`);
  await logIn(page);
  return page;
}

/** Clicks Login unless Decap remembered the session (a reload). */
async function logIn(page: Page): Promise<void> {
  const login = page.getByRole("button", { name: /^(login|se connecter)$/i });
  const collections = page.getByRole("link", { name: "Consultations", exact: true }).first();
  await login.or(collections).first().waitFor({ timeout: 30_000 });
  if (await login.isVisible()) await login.click();
  await collections.waitFor({ timeout: 30_000 });
}

/**
 * Goes to an admin route from a fresh editor. Decap keeps the open editor when only the entry in the URL
 * changes, so it leaves through the collection's list; after a crash (Decap's error page), it reloads.
 */
async function go(page: Page, collection: string, route: string): Promise<void> {
  const admin = `${new URL(page.url()).origin}/admin/#/`;
  if ((await page.getByText("Une erreur est survenue").count()) > 0) {
    await page.goto(`${admin}collections/${collection}`);
    await page.reload();
    await logIn(page);
  }
  await page.goto(`${admin}collections/${collection}`);
  await page.getByRole("button", { name: /^(Publiée|Publier)$/ }).first().waitFor({ state: "detached", timeout: 30_000 });
  await page.goto(`${admin}${route}`);
}

/** Opens a new entry's form. */
export async function openNew(page: Page, collection: string): Promise<void> {
  await go(page, collection, `collections/${collection}/new`);
  await page.locator("label").first().waitFor({ timeout: 30_000 });
}

/** Opens an entry (a file collection's `site` for settings) and waits for its form. */
export async function openEntry(page: Page, collection: string, slug: string): Promise<void> {
  await go(page, collection, collection === "settings" ? "collections/settings/entries/site" : `collections/${collection}/entries/${slug}`);
  await page.getByRole("button", { name: /^(Publiée|Publier)$/ }).first().waitFor({ timeout: 30_000 });
  await page.locator("label").first().waitFor({ timeout: 30_000 });
}

/** The input of the first field with this label (the French pane comes first). */
export async function field(page: Page, label: string | RegExp): Promise<Locator> {
  const labelled = page.locator("label", { hasText: typeof label === "string" ? new RegExp(`^${label}( \\(optionnel\\))?$`) : label }).first();
  const id = await labelled.getAttribute("for", { timeout: 30_000 });
  return page.locator(`[id="${id}"]`);
}

/** Clicks Publier → Publier maintenant. */
export async function publish(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Publier", exact: true }).click();
  await page.getByRole("menuitem", { name: /Publier maintenant/ }).click();
}

/**
 * Where an error message shows: the label of the field it stands under, whether it is visible (its item is
 * open), and whether the focus is in that field.
 */
export async function errorAt(page: Page, message: string): Promise<{ label: string; visible: boolean; focused: boolean } | undefined> {
  const item = page.locator("li", { hasText: message }).first();
  try {
    await item.waitFor({ state: "attached", timeout: 15_000 });
  } catch {
    return undefined;
  }
  return item.evaluate((li) => {
    // EditorControl: <div><div><label/> <ul><li>message</li></ul></div> <widget/> </div>
    const topbar = li.closest("ul")?.parentElement;
    const control = topbar?.parentElement;
    const label = topbar?.querySelector("label")?.textContent ?? "";
    const box = li.getBoundingClientRect();
    return {
      label: label.replace(/ \(optionnel\)$/, ""),
      visible: box.width > 0 && box.height > 0,
      focused: Boolean(control && document.activeElement && control.contains(document.activeElement)),
    };
  });
}

/** The text of Decap's toasts shown now. */
export async function toasts(page: Page): Promise<string[]> {
  return page.locator(".Toastify__toast").allInnerTexts();
}
