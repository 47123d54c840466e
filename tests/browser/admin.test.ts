// Issue 2: the real Decap CMS bundle loads at /admin under its own CSP, logs in through the local backend
// (decap-server), lists every collection of the content model and the demo entries, with no console error.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { collections } from "../../site/_lib/content/model/index.ts";
import { startDecapServer, type DecapServer } from "../../scripts/dev/decap.ts";
import { collectErrors, launchChromium } from "./chromium.ts";
import { startTestSite, type TestSite } from "./site.ts";

let site: TestSite;
let decap: DecapServer;
let browser: Browser;

beforeAll(async () => {
  site = await startTestSite({ admin: true });
  decap = await startDecapServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await decap?.close();
  await site?.close();
});

it("Decap CMS logs in with the local backend and lists every collection", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = collectErrors(page);
  const response = await page.goto(`${site.url}/admin/`);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["content-security-policy"]).toContain("'unsafe-eval'");

  await page.getByRole("button", { name: /^(login|se connecter)$/i }).click({ timeout: 30_000 });
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
