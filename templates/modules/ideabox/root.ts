// The module root shared by the list and the detail: the Alpine hook, the live region the client announces
// into, and the content element that fragments replace. Without JavaScript the attributes are inert. Alpine's
// directives carry the `data-x-` prefix (Alpine.prefix in site/assets/js/ideabox.ts) so the markup is valid
// HTML (RGAA 8.2); the submit listener is added by the component's init(), since a data-* name has no colon.
import type { Lang } from "../../../site/_lib/content/types.ts";
import { html, type SafeHtml } from "./html.ts";

export function flashMessage(flash: { text: string; kind: "success" | "error" } | undefined): SafeHtml | "" {
  if (!flash) return "";
  return html`<div class="ideabox-flash ideabox-flash--${flash.kind}" role="${flash.kind === "error" ? "alert" : "status"}" data-ideabox-flash>
  <p>${flash.text}</p>
</div>`;
}

/** The swappable part: `?format=fragment` answers exactly this element. */
export function content(inner: SafeHtml): SafeHtml {
  return html`<div class="ideabox__content" data-ideabox-content>
${inner}
</div>`;
}

export function root(lang: Lang, fragmentUrl: string, inner: SafeHtml, snapshot = false): SafeHtml {
  return html`<div class="ideabox" data-module="ideabox" lang="${lang}" data-fragment-url="${fragmentUrl}"${snapshot ? html` data-snapshot` : ""} data-x-data="ideabox">
<p class="pl-visually-hidden" role="status" aria-live="polite" data-ideabox-live data-x-text="announcement"></p>
${content(inner)}
</div>`;
}
