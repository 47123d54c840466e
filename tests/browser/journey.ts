// Issue 3, point 6: the citizen journey in Chromium, once with JavaScript and once without:
// sign in through the outbox link, submit a proposition, sign in as a second citizen, support it and comment,
// then check the counts; axe runs on every page visited.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { t } from "../../site/_lib/i18n/index.ts";
import { axeViolations, collectErrors, launchChromium } from "./chromium.ts";
import { openConsultation, startTestSite, type TestSite } from "./site.ts";

const fr = (key: string, params?: Record<string, string | number>) => t("fr", key, params);

/** A journey visits a dozen pages and audits each; without JavaScript each audit replays the page. */
const journeyTimeout = 180_000;

/** Waits for what the page shows to settle: navigations and in-place updates take seconds on a busy CI machine. */
const settles = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000 });

/** One citizen's tab: the axe violations and console errors of every page it visits. */
class Visit {
  readonly violations: string[] = [];
  readonly errors: string[];
  constructor(
    readonly page: Page,
    readonly javaScriptEnabled: boolean,
  ) {
    this.errors = collectErrors(page);
  }
  async check(): Promise<void> {
    await this.page.waitForLoadState("load");
    this.violations.push(...(await axeViolations(this.page, { javaScriptEnabled: this.javaScriptEnabled })));
  }
}

/**
 * From the consultation page, as a citizen would: "submit a proposition" leads to the live list, which asks
 * to sign in; the sign-in link comes by mail (read at /_dev/outbox) and leads back to the list, signed in.
 */
async function signIn(
  context: BrowserContext,
  site: TestSite,
  email: string,
  consultationUrl: string,
  javaScriptEnabled: boolean,
): Promise<Visit> {
  const visit = new Visit(await context.newPage(), javaScriptEnabled);
  const { page } = visit;
  await page.goto(`${site.url}${consultationUrl}`);
  // With JavaScript the module refreshes itself from the live list; act on the page it settles on.
  await page.waitForLoadState("networkidle");
  await visit.check();
  const signInLink = page.getByRole("link", { name: fr("ideabox.form.sign_in") }).first();
  if ((await signInLink.count()) === 0) {
    await page.getByRole("link", { name: fr("ideabox.form.open") }).first().click();
    await page.waitForLoadState("networkidle");
    await visit.check();
  }
  await signInLink.click();
  await visit.check();
  const returnTo = new URL(page.url()).searchParams.get("return_to");
  expect(returnTo, "the sign-in page knows where to come back").toMatch(new RegExp(`^${consultationUrl}`));
  await page.getByLabel(fr("auth.sign_in.email")).fill(email);
  await page.getByRole("button", { name: fr("auth.sign_in.submit") }).click();
  await settles(() => page.getByRole("heading", { name: fr("auth.code.heading") }).count()).toBe(1);
  await visit.check();

  await page.goto(`${site.url}/_dev/outbox`);
  await page.locator("article", { hasText: email }).first().locator("a[href*='/api/auth/']").first().click();
  // The link only shows a confirmation (mail scanners open links too); its button signs in.
  await settles(() => page.getByRole("heading", { name: fr("auth.verify.heading") }).count()).toBe(1);
  await visit.check();
  await page.getByRole("button", { name: fr("auth.verify.submit") }).click();
  await settles(() => new URL(page.url()).pathname).toBe(new URL(returnTo!, site.url).pathname);
  await settles(() => page.getByText(fr("auth.flash.signed_in")).count()).toBeGreaterThan(0);
  await visit.check();
  return visit;
}

/** Presses Tab until the focused element is the one `isTarget` wants; fails after `max` presses. */
async function tabTo(page: Page, isTarget: (focused: { id: string; text: string }) => boolean, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const focused = page.locator(":focus");
    const found = { id: (await focused.getAttribute("id")) ?? "", text: ((await focused.textContent()) ?? "").trim() };
    if (isTarget(found)) return;
  }
  throw new Error(`Tab never reached the element after ${max} presses`);
}

export function journeySuite(
  database: string,
  postgresUrl: () => string | undefined,
  options: { keyboard?: boolean } = {},
): void {
  describe(`citizen journey on ${database}`, () => {
    let site: TestSite;
    let browser: Browser;

    beforeAll(async () => {
      site = await startTestSite({ postgresUrl: postgresUrl() });
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await site?.close();
    });

    for (const javaScriptEnabled of [true, false]) {
      const mode = javaScriptEnabled ? "with JavaScript" : "without JavaScript";
      it(`signs in, proposes, supports and comments ${mode}`, async () => {
        const consultation = openConsultation(site.store);
        const title = `Des bancs à l'ombre place du marché (${mode})`;
        const tag = javaScriptEnabled ? "js" : "nojs";

        const author = await browser.newContext({ javaScriptEnabled });
        const alice = await signIn(author, site, `alice.${tag}@exemple.fr`, consultation.url, javaScriptEnabled);
        const form = alice.page.locator("form#ideabox-proposition");
        await form.getByLabel(fr("ideabox.form.title")).fill(title);
        await form.getByLabel(fr("ideabox.form.body")).fill("Des bancs sous les platanes, pour attendre le bus au frais l'été.");
        for (const field of ["ideabox.form.theme", "ideabox.form.district"]) {
          const select = form.getByLabel(fr(field));
          if ((await select.count()) > 0) await select.selectOption({ index: 1 });
        }
        await form.getByRole("button", { name: fr("ideabox.form.submit") }).click();
        await settles(() => alice.page.getByText(title).count()).toBeGreaterThan(0);
        await alice.check();

        const supporter = await browser.newContext({ javaScriptEnabled });
        const bob = await signIn(supporter, site, `bob.${tag}@exemple.fr`, consultation.url, javaScriptEnabled);
        await bob.page.getByRole("link", { name: title }).first().click();
        await settles(() => bob.page.getByRole("heading", { name: title }).count()).toBeGreaterThan(0);
        await bob.check();
        // A mark on this document survives only if the support is sent in place (the Alpine component's submit
        // listener), not as a plain post that loads a new page.
        await bob.page.evaluate(() => document.documentElement.setAttribute("data-test-before-support", ""));
        await bob.page.getByRole("button", { name: new RegExp(fr("ideabox.support.button")) }).first().click();
        await settles(() => bob.page.getByText(fr("ideabox.count.supports.one", { count: 1 })).count()).toBeGreaterThan(0);
        expect(await bob.page.locator("html[data-test-before-support]").count(), "supported in place with JavaScript only").toBe(javaScriptEnabled ? 1 : 0);
        await bob.check();

        const comment = bob.page.locator("form#ideabox-comment");
        await comment.getByLabel(fr("ideabox.comments.body")).fill("Oui, et une fontaine à côté serait bienvenue.");
        await comment.getByRole("button", { name: fr("ideabox.comments.submit") }).click();
        await settles(() => bob.page.getByText("une fontaine à côté").count()).toBeGreaterThan(0);
        await bob.check();

        // The counts as anyone sees them, on a fresh load of the proposition.
        await bob.page.reload();
        await settles(() => bob.page.getByText(fr("ideabox.count.supports.one", { count: 1 })).count()).toBeGreaterThan(0);
        await settles(() => bob.page.getByText(fr("ideabox.count.comments.one", { count: 1 })).count()).toBeGreaterThan(0);
        await bob.check();

        await author.close();
        await supporter.close();
        expect([...alice.violations, ...bob.violations]).toEqual([]);
        expect([...alice.errors, ...bob.errors]).toEqual([]);
      }, journeyTimeout);
    }

    if (options.keyboard) {
      it("lets a citizen submit a proposition with the keyboard alone", async () => {
        const consultation = openConsultation(site.store);
        const title = "Un abri à vélos fermé à la gare (clavier)";
        const context = await browser.newContext();
        const carol = await signIn(context, site, "carol.clavier@exemple.fr", consultation.url, true);
        const { page } = carol;
        await tabTo(page, ({ id }) => id === "ideabox-proposition-title");
        await page.keyboard.type(title);
        await tabTo(page, ({ id }) => id === "ideabox-proposition-body");
        await page.keyboard.type("Des vélos en sécurité pendant la journée de travail.");
        await tabTo(page, ({ text }) => text === fr("ideabox.form.submit"));
        await page.keyboard.press("Enter");
        await settles(() => page.getByText(title).count()).toBeGreaterThan(0);
        await carol.check();
        await context.close();
        expect(carol.violations).toEqual([]);
        expect(carol.errors).toEqual([]);
      }, journeyTimeout);
    }
  });
}
