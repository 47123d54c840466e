// The account page (/compte/): the signed-in citizen's email and display name, their data, sign-out and
// erasure. Every form is a plain form posting to a function; a refused one comes back here with its summary.
import type { Lang } from "../../../site/_lib/content/types.ts";
import { t } from "../../../site/_lib/i18n/index.ts";
import { checkbox, errorSummary, hiddenContext, textInput } from "../../../templates/modules/ideabox/fields.ts";
import { html, type SafeHtml } from "../../../templates/modules/ideabox/html.ts";
import { flashMessage } from "../../../templates/modules/ideabox/root.ts";
import type { FormState } from "../../../templates/modules/ideabox/types.ts";
import { urls } from "../../../templates/modules/ideabox/urls.ts";
import { displayNameMaxLength } from "../account/schemas.ts";
import { getDataPort } from "../db/index.ts";
import type { RequestContext } from "../http/handler.ts";
import { htmlResponse } from "../http/respond.ts";
import { flashFrom } from "../ideabox/flash.ts";
import { renderPage } from "./shell.ts";
import { signInPaths } from "./sign-in.ts";

/** A form of the page shown again after a refusal. */
export interface AccountForms {
  name?: FormState;
  erase?: FormState;
}

interface Account {
  email: string;
  displayName: string | null;
}

function nameForm(lang: Lang, account: Account, state: FormState | undefined): SafeHtml {
  const id = "account-name";
  const labels = { display_name: t(lang, "account.name.label") };
  const filled = state ?? { values: { display_name: account.displayName ?? "" }, errors: {} };
  return html`<section aria-labelledby="${id}-title">
<h2 id="${id}-title">${t(lang, "account.name.heading")}</h2>
<form class="pl-form" id="${id}" method="post" action="/api/me/display-name" novalidate>
  ${errorSummary(lang, id, state, labels)}
  ${hiddenContext(lang, urls.account(lang))}
  ${textInput(lang, { idPrefix: id, name: "display_name", label: labels.display_name, hint: t(lang, "account.name.hint"), autocomplete: "nickname", maxLength: displayNameMaxLength, state: filled })}
  <button type="submit" class="pl-button pl-button--primary">${t(lang, "account.name.submit")}</button>
</form>
</section>`;
}

/** After signing out or erasing, the sign-in page: it shows the flash, and this page would only redirect there. */
function signOutForms(lang: Lang): SafeHtml {
  const back = signInPaths.form(lang);
  return html`<section aria-labelledby="account-sessions-title">
<h2 id="account-sessions-title">${t(lang, "account.sessions.heading")}</h2>
<p>${t(lang, "account.sessions.intro")}</p>
<form method="post" action="/api/auth/sign-out">
  ${hiddenContext(lang, back)}
  <button type="submit" class="pl-button">${t(lang, "account.sessions.sign_out")}</button>
</form>
<form method="post" action="/api/auth/sign-out">
  ${hiddenContext(lang, back)}
  <input type="hidden" name="everywhere" value="true">
  <button type="submit" class="pl-button">${t(lang, "account.sessions.sign_out_everywhere")}</button>
</form>
</section>`;
}

function eraseForm(lang: Lang, state: FormState | undefined): SafeHtml {
  const id = "account-delete";
  const labels = { confirm: t(lang, "account.delete.confirm") };
  return html`<section aria-labelledby="${id}-title">
<h2 id="${id}-title">${t(lang, "account.delete.heading")}</h2>
<p>${t(lang, "account.delete.intro")}</p>
<form class="pl-form" id="${id}" method="post" action="/api/me" novalidate>
  ${errorSummary(lang, id, state, labels)}
  ${hiddenContext(lang, signInPaths.form(lang))}
  <input type="hidden" name="action" value="delete">
  ${checkbox(lang, { idPrefix: id, name: "confirm", value: "yes", label: labels.confirm, state })}
  <button type="submit" class="pl-button">${t(lang, "account.delete.submit")}</button>
</form>
</section>`;
}

/**
 * The page of the session's citizen. Its one database call is the export, the one action that reads the email
 * back (the page is visited rarely enough for its size); it also checks the session (session_expired).
 */
export async function accountResponse(
  ctx: RequestContext,
  sessionId: string,
  forms: AccountForms = {},
  status = 200,
): Promise<Response> {
  const lang = ctx.lang;
  const port = await getDataPort();
  const data = await port.call<{ citizen: { email: string; display_name: string | null } }>("export_citizen_data", {
    p_session_id: sessionId,
  });
  const account = { email: data.citizen.email, displayName: data.citizen.display_name };
  const main = html`<div class="pl-container pl-narrow">
<h1>${t(lang, "account.heading")}</h1>
${flashMessage(flashFrom(ctx.url, lang))}
<dl>
  <dt>${t(lang, "account.email")}</dt>
  <dd>${account.email}</dd>
</dl>
${nameForm(lang, account, forms.name)}
<section aria-labelledby="account-data-title">
<h2 id="account-data-title">${t(lang, "account.data.heading")}</h2>
<p>${t(lang, "account.data.intro")}</p>
<p><a href="/api/me">${t(lang, "account.data.download")}</a></p>
</section>
${signOutForms(lang)}
${eraseForm(lang, forms.erase)}
</div>`;
  const failed = Boolean(forms.name ?? forms.erase);
  return htmlResponse(await renderPage(lang, t(lang, "account.page_title"), main, { failed }), status);
}
