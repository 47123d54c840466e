// The sign-in mail: a single-use link and the same request's 6-digit code, in plain text and simple HTML.
import type { Lang } from "../../../site/_lib/content/types.ts";
import { t } from "../../../site/_lib/i18n/index.ts";
import { html } from "../../../templates/modules/ideabox/html.ts";
import type { Mail } from "./outbox.ts";

export function signInMail(options: { lang: Lang; to: string; link: string; code: string; siteName: string }): Mail {
  const { lang, link, code, siteName } = options;
  const m = (key: string) => t(lang, `auth.mail.${key}`, { site: siteName });
  const text = [m("greeting"), "", m("link_intro"), link, "", m("code_intro"), code, "", m("ignore"), "", m("signature")].join("\n");
  const body = html`<p>${m("greeting")}</p>
<p>${m("link_intro")}<br><a href="${link}">${link}</a></p>
<p>${m("code_intro")}<br><strong>${code}</strong></p>
<p>${m("ignore")}</p>
<p>${m("signature")}</p>`;
  return { to: options.to, subject: m("subject"), text, html: body.value };
}
