// Live pages reuse the site's own header, footer and stylesheet: the build renders `/_shell/<lang>.html` with
// two placeholders and copies it into the functions' content JSON. Without a built shell (tests, a fresh
// clone) a minimal accessible page stands in.
import type { Lang } from "../../../site/_lib/content/types.ts";
import { t } from "../../../site/_lib/i18n/index.ts";
import { escapeHtml, type SafeHtml } from "../../../templates/modules/ideabox/html.ts";
import { getContent } from "../content.ts";

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

async function loadShell(lang: Lang): Promise<string> {
  let shell: string | undefined;
  try {
    shell = (await getContent()).shells[lang];
  } catch {
    // No build yet: the minimal page (pages that need a consultation fail anyway).
  }
  return shell?.includes(mainMark) ? shell : fallbackShell(lang);
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
