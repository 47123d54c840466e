// The account page in Chromium, with and without JavaScript: reached signed out, it asks to sign in (mailed
// link, then « Confirmer la connexion »); then the name is saved, the data downloaded, the erasure refused
// without its box and done with it. axe runs on every state, including the error summary.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { t } from "../../site/_lib/i18n/index.ts";
import { axeViolations, collectErrors, launchChromium } from "./chromium.ts";
import { startTestSite, type TestSite } from "./site.ts";

const fr = (key: string) => t("fr", key);

let site: TestSite;
let browser: Browser;
beforeAll(async () => {
  site = await startTestSite();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe("account page in Chromium", () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`signs in, names, downloads and erases the account (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const email = `compte.${javaScriptEnabled ? "js" : "nojs"}@exemple.fr`;
      const context = await browser.newContext({ javaScriptEnabled, acceptDownloads: true });
      const page = await context.newPage();
      const errors = collectErrors(page);
      const violations: string[] = [];
      const check = async (state: string) => {
        expect(await page.locator("h1").count(), `${state}: one h1`).toBe(1);
        violations.push(...(await axeViolations(page, { javaScriptEnabled })));
      };
      const path = () => new URL(page.url()).pathname;

      await page.goto(`${site.url}/compte/`);
      expect(path()).toBe("/connexion/");
      await page.getByLabel(fr("auth.sign_in.email")).fill(email);
      await page.getByRole("button", { name: fr("auth.sign_in.submit") }).click();
      await page.waitForURL(/\/connexion\/code\//);
      await page.goto(`${site.url}/_dev/outbox`);
      await page.locator("article", { hasText: email }).first().locator("a[href*='/api/auth/verify']").click();
      await expect.poll(() => page.getByRole("heading", { name: fr("auth.verify.heading") }).count()).toBe(1);
      await check("confirmation");
      await page.getByRole("button", { name: fr("auth.verify.submit") }).click();
      await page.waitForURL(/\/compte\/\?flash=signed_in/);
      expect(await page.getByText(email).count()).toBe(1);
      await check("account");

      await page.getByRole("textbox", { name: fr("account.name.label") }).fill("Camille des Tilleuls");
      await page.getByRole("button", { name: fr("account.name.submit") }).click();
      await page.waitForURL(/flash=display_name_saved/);
      await expect.poll(() => page.getByRole("textbox", { name: fr("account.name.label") }).inputValue()).toBe("Camille des Tilleuls");
      await check("name saved");

      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: fr("account.data.download") }).click()]);
      expect(download.suggestedFilename()).toBe("parlons-mes-donnees.json");

      await page.getByRole("button", { name: fr("account.delete.submit") }).click();
      await expect.poll(() => page.locator(".pl-error-summary").count()).toBe(1);
      await expect.poll(() => page.getByRole("alert").textContent()).toContain(t("fr", "errors.fields.confirm.invalid"));
      await check("erasure refused");
      await page.getByLabel(fr("account.delete.confirm")).check();
      await page.getByRole("button", { name: fr("account.delete.submit") }).click();
      await page.waitForURL(/\/connexion\/\?flash=deleted/);
      expect(await page.getByText(fr("auth.flash.deleted")).count()).toBe(1);

      await context.close();
      expect(violations).toEqual([]);
      // The refused erasure answers 400 with the form again: Chromium logs that document's status; nothing else.
      expect(errors.filter((error) => !/status of 400 .*\/api\/me\)$/.test(error))).toEqual([]);
    });
  }
});
