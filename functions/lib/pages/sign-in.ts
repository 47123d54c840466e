// The sign-in pages, rendered by functions inside the site shell: ask for an email, then for the mailed code
// (for mail clients that break links), and confirm a mailed link. Every form works without JavaScript.
// The email form carries a proof-of-work challenge that /assets/js/sign-in.js solves in the background; the
// server asks for it only when the network address is busy, and without JavaScript the form still goes through.
import type { Lang } from "../../../site/_lib/content/types.ts";
import { t } from "../../../site/_lib/i18n/index.ts";
import { errorSummary, hiddenContext, textInput } from "../../../templates/modules/ideabox/fields.ts";
import { html } from "../../../templates/modules/ideabox/html.ts";
import { flashMessage } from "../../../templates/modules/ideabox/root.ts";
import type { FormState } from "../../../templates/modules/ideabox/types.ts";
import { newChallenge } from "../auth/proof-of-work.ts";
import { htmlResponse } from "../http/respond.ts";
import { renderPage } from "./shell.ts";

const prefix = (lang: Lang) => (lang === "fr" ? "" : `/${lang}`);
export const signInPaths = {
  form: (lang: Lang) => `${prefix(lang)}/connexion/`,
  code: (lang: Lang) => `${prefix(lang)}/connexion/code/`,
};

export async function signInPage(
  lang: Lang,
  returnTo: string,
  state?: FormState,
  status = 200,
  flash?: { text: string; kind: "success" | "error" },
): Promise<Response> {
  const id = "sign-in";
  const labels = { email: t(lang, "auth.sign_in.email") };
  const main = html`<div class="pl-container pl-narrow">
<h1>${t(lang, "auth.sign_in.heading")}</h1>
${flashMessage(flash)}
<p>${t(lang, "auth.sign_in.intro")}</p>
<form class="pl-form" id="${id}" method="post" action="/api/auth/sign-in" novalidate data-proof-challenge="${JSON.stringify(newChallenge())}">
  ${errorSummary(lang, id, state, labels)}
  ${hiddenContext(lang, returnTo)}
  <input type="hidden" name="proof" value="">
  ${textInput(lang, { idPrefix: id, name: "email", type: "email", label: labels.email, hint: t(lang, "auth.sign_in.email_hint"), autocomplete: "email", required: true, state })}
  <button type="submit" class="pl-button pl-button--primary">${t(lang, "auth.sign_in.submit")}</button>
  <p class="pl-field__hint" role="status" data-proof-status hidden>${t(lang, "auth.sign_in.proof_pending")}</p>
</form>
</div>
<script src="/assets/js/sign-in.js" type="module"></script>`;
  return htmlResponse(await renderPage(lang, t(lang, "auth.sign_in.page_title"), main, { failed: Boolean(state) }), status);
}

export async function codePage(lang: Lang, returnTo: string, email: string | null, state?: FormState, status = 200): Promise<Response> {
  const id = "sign-in-code";
  const labels = { email: t(lang, "auth.sign_in.email"), code: t(lang, "auth.code.code") };
  const values = { email: email ?? "", ...state?.values };
  const filled: FormState = { errors: {}, ...state, values };
  const main = html`<div class="pl-container pl-narrow">
<h1>${t(lang, "auth.code.heading")}</h1>
<p>${email ? t(lang, "auth.code.intro", { email }) : t(lang, "auth.code.intro_no_email")}</p>
<form class="pl-form" id="${id}" method="post" action="/api/auth/code" novalidate>
  ${errorSummary(lang, id, state, labels)}
  ${hiddenContext(lang, returnTo)}
  ${textInput(lang, { idPrefix: id, name: "email", type: "email", label: labels.email, autocomplete: "email", required: true, state: filled })}
  ${textInput(lang, { idPrefix: id, name: "code", label: labels.code, autocomplete: "one-time-code", inputmode: "numeric", maxLength: 6, required: true, state: { ...filled, values: { ...filled.values, code: "" } } })}
  <button type="submit" class="pl-button pl-button--primary">${t(lang, "auth.code.submit")}</button>
</form>
<p><a href="${signInPaths.form(lang)}?return_to=${encodeURIComponent(returnTo)}">${t(lang, "auth.code.again")}</a></p>
</div>`;
  return htmlResponse(await renderPage(lang, t(lang, "auth.code.page_title"), main, { failed: Boolean(state) }), status);
}

/** Where a mailed link lands: one button that posts the token, so a mail scanner opening the link burns nothing. */
export async function confirmPage(lang: Lang, returnTo: string, token: string): Promise<Response> {
  const main = html`<div class="pl-container pl-narrow">
<h1>${t(lang, "auth.verify.heading")}</h1>
<p>${t(lang, "auth.verify.intro")}</p>
<form class="pl-form" id="sign-in-confirm" method="post" action="/api/auth/verify">
  ${hiddenContext(lang, returnTo)}
  <input type="hidden" name="token" value="${token}">
  <button type="submit" class="pl-button pl-button--primary">${t(lang, "auth.verify.submit")}</button>
</form>
</div>`;
  return htmlResponse(await renderPage(lang, t(lang, "auth.verify.page_title"), main));
}
