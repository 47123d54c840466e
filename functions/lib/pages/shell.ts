// Live pages reuse the site's own header, footer and stylesheet: the build emits `_site/_shell/<lang>.html`
// with two placeholders. Without a build (tests, a fresh clone) a minimal accessible page stands in.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Lang } from "../../../site/_lib/content/types.ts";
import { t } from "../../../site/_lib/i18n/index.ts";
import { escapeHtml, type SafeHtml } from "../../../templates/modules/ideabox/html.ts";

const titleMark = "<!--parlons:title-->";
const mainMark = "<!--parlons:main-->";

function fallbackShell(lang: Lang): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${titleMark}</title>
<link rel="stylesheet" href="/assets/css/site.css">
</head>
<body>
<main id="main" tabindex="-1">
${mainMark}
</main>
</body>
</html>
`;
}

/** Read on every call: the dev server rebuilds the site underneath us, and the file is a few kilobytes. */
async function loadShell(lang: Lang): Promise<string> {
  const dir = process.env.PARLONS_SITE_DIR ?? "_site";
  try {
    const shell = await readFile(join(dir, "_shell", `${lang}.html`), "utf8");
    if (shell.includes(mainMark)) return shell;
  } catch {
    // No build yet: fall through to the minimal page.
  }
  return fallbackShell(lang);
}

/** The module's client script goes with the content, since the generic shell does not load it. */
const moduleScript = `<script src="/assets/js/ideabox.js" type="module"></script>`;

/** `failed`: the page shows a rejected form again; its title says so first (GOV.UK error pattern). */
export async function renderPage(
  lang: Lang,
  title: string,
  main: SafeHtml,
  options: { script?: boolean; failed?: boolean } = {},
): Promise<string> {
  const shell = await loadShell(lang);
  if (options.failed) title = t(lang, "errors.title_prefix", { title });
  const body = main.value + (options.script ? `\n${moduleScript}` : "");
  // Function replacers: `$&`-style patterns in citizen text must stay literal.
  return shell.replaceAll(titleMark, () => escapeHtml(title)).replace(mainMark, () => body);
}
