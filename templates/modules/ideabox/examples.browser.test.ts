// Every renderer example through axe (WCAG 2.1 A/AA) in real Chromium, styled by the module's own CSS with a
// sample palette, so a new variant is audited the moment it is added to examples.ts.
import { readFile } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchChromium } from "../../../tests/browser/chromium.ts";
import { detailExamples, listExamples, repliesExamples } from "./examples.ts";
import { renderDetail, renderList, renderReplies } from "./render.ts";

const palette = `:root { --color-primary: #1d5a85; --color-secondary: #8c3a14; --color-text: #1b1b1b; --color-bg: #ffffff;
  --color-primary-contrast: #ffffff; --color-surface: #f5f5f5; --color-border: #6b6b6b; --color-text-muted: #4a4a4a; }
body { color: var(--color-text); background: var(--color-bg); font-family: sans-serif; }`;

let browser: Browser;
let css: string;
beforeAll(async () => {
  browser = await launchChromium();
  css = await readFile(new URL("./ideabox.css", import.meta.url), "utf8");
});
afterAll(async () => {
  await browser?.close();
});

const examples = [
  ...Object.entries(listExamples).map(([name, v]) => [`list: ${name}`, v.lang, renderList(v).value] as const),
  ...Object.entries(detailExamples).map(([name, v]) => [`detail: ${name}`, v.lang, renderDetail(v).value] as const),
  ...Object.entries(repliesExamples).map(([name, v]) => [`replies: ${name}`, v.lang, renderReplies(v).value] as const),
];

describe("idea box examples in Chromium", () => {
  it.each(examples)("%s has no axe violation", async (_name, lang, markup) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      // The audit page itself may carry a <style>: it is a test fixture, not a citizen page under the CSP.
      await page.setContent(
        `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Exemple</title><style>${palette}\n${css}</style></head>` +
          `<body><main><h1>Exemple</h1>${markup}</main></body></html>`,
      );
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
