// `?flash=<key>` after a redirect: a success key of the idea box, of sign-in or of the account page. Unknown keys are ignored, so
// the query string cannot inject arbitrary text.
import type { Lang } from "../../../site/_lib/content/types.ts";
import { hasMessage, t } from "../../../site/_lib/i18n/index.ts";

export function flashFrom(url: URL, lang: Lang): { text: string; kind: "success" } | undefined {
  const key = url.searchParams.get("flash");
  if (!key || !/^[a-z_]{1,40}$/.test(key)) return undefined;
  for (const namespace of ["ideabox.flash", "auth.flash", "account.flash"]) {
    if (hasMessage(`${namespace}.${key}`)) return { text: t(lang, `${namespace}.${key}`), kind: "success" };
  }
  return undefined;
}
