// The page a plain form post lands on when its error cannot be shown next to a form (e.g. supports closed):
// the message, a link back to where the citizen came from, and for a server failure the reference to quote.
import type { Lang } from "../../../site/_lib/content/types.ts";
import { t } from "../../../site/_lib/i18n/index.ts";
import { html } from "../../../templates/modules/ideabox/html.ts";
import type { AppError } from "../http/errors.ts";
import { htmlResponse } from "../http/respond.ts";
import { renderPage } from "./shell.ts";

export async function errorPage(error: AppError, lang: Lang, back: string, requestId?: string): Promise<Response> {
  const reference = requestId ? html`<p>${t(lang, "errors.reference")} <code class="pl-request-id">${requestId}</code></p>` : "";
  const main = html`<div class="pl-error-page">
  <h1>${t(lang, "errors.page_title")}</h1>
  <div class="pl-error-summary" role="alert">
    <p>${error.messageIn(lang)}</p>
    ${reference}
  </div>
  <p><a href="${back}">${t(lang, "errors.back")}</a></p>
</div>`;
  return htmlResponse(await renderPage(lang, t(lang, "errors.page_title"), main), error.status);
}
