// Accessible form building blocks (GOV.UK patterns): an error summary that links to the fields, and fields
// whose error is tied to them with aria-describedby. Shared by the idea box and the sign-in pages.
import type { Lang } from "../../../site/_lib/content/types.ts";
import { t } from "../../../site/_lib/i18n/index.ts";
import { html, type SafeHtml } from "./html.ts";
import type { FormState } from "./types.ts";

export interface FieldOptions {
  /** Form-unique prefix so that two forms on one page never share ids. */
  idPrefix: string;
  name: string;
  label: string;
  hint?: string;
  state?: FormState | undefined;
}

const fieldId = (o: FieldOptions) => `${o.idPrefix}-${o.name}`;

function describedBy(o: FieldOptions): string | undefined {
  const ids = [o.hint ? `${fieldId(o)}-hint` : "", o.state?.errors[o.name] ? `${fieldId(o)}-error` : ""];
  const joined = ids.filter(Boolean).join(" ");
  return joined || undefined;
}

function errorMessage(o: FieldOptions, lang: Lang): SafeHtml | "" {
  const error = o.state?.errors[o.name];
  return error ? html`<p class="pl-field__error" id="${fieldId(o)}-error"><span class="pl-visually-hidden">${t(lang, "ideabox.form.error_prefix")}</span> ${error}</p>` : "";
}

function wrap(o: FieldOptions, control: SafeHtml, lang: Lang): SafeHtml {
  const error = o.state?.errors[o.name];
  return html`<div class="pl-field${error ? " pl-field--error" : ""}">
  <label class="pl-field__label" for="${fieldId(o)}">${o.label}</label>
  ${o.hint ? html`<p class="pl-field__hint" id="${fieldId(o)}-hint">${o.hint}</p>` : ""}
  ${errorMessage(o, lang)}
  ${control}
</div>`;
}

const attrs = (o: FieldOptions) => ({
  id: fieldId(o),
  describedBy: describedBy(o),
  invalid: o.state?.errors[o.name] ? "true" : undefined,
  value: o.state?.values[o.name] ?? "",
});

export function textInput(
  lang: Lang,
  o: FieldOptions & { type?: "text" | "email"; maxLength?: number; autocomplete?: string; inputmode?: string; required?: boolean },
): SafeHtml {
  const a = attrs(o);
  return wrap(
    o,
    html`<input class="pl-input" type="${o.type ?? "text"}" id="${a.id}" name="${o.name}" value="${a.value}"${o.maxLength ? html` maxlength="${o.maxLength}"` : ""}${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ""}${o.inputmode ? html` inputmode="${o.inputmode}"` : ""}${o.required ? html` required` : ""}${a.describedBy ? html` aria-describedby="${a.describedBy}"` : ""}${a.invalid ? html` aria-invalid="true"` : ""}>`,
    lang,
  );
}

export function textarea(lang: Lang, o: FieldOptions & { maxLength: number; rows?: number; required?: boolean }): SafeHtml {
  const a = attrs(o);
  return wrap(
    o,
    html`<textarea class="pl-textarea" id="${a.id}" name="${o.name}" rows="${o.rows ?? 5}" maxlength="${o.maxLength}"${o.required ? html` required` : ""}${a.describedBy ? html` aria-describedby="${a.describedBy}"` : ""}${a.invalid ? html` aria-invalid="true"` : ""}>${a.value}</textarea>`,
    lang,
  );
}

export function select(lang: Lang, o: FieldOptions & { options: { value: string; label: string }[]; selected?: string | null }): SafeHtml {
  const a = attrs(o);
  const selected = o.selected ?? a.value;
  return wrap(
    o,
    html`<select class="pl-select" id="${a.id}" name="${o.name}"${a.describedBy ? html` aria-describedby="${a.describedBy}"` : ""}${a.invalid ? html` aria-invalid="true"` : ""}>
${o.options.map((opt) => html`<option value="${opt.value}"${opt.value === selected ? html` selected` : ""}>${opt.label}</option>`)}
</select>`,
    lang,
  );
}

/** A single checkbox (e.g. "I understand"): the box before its label, the error above both, as GOV.UK does. */
export function checkbox(lang: Lang, o: FieldOptions & { value: string }): SafeHtml {
  const a = attrs(o);
  return html`<div class="pl-field${a.invalid ? " pl-field--error" : ""}">
  ${errorMessage(o, lang)}
  <div class="pl-checkbox">
    <input type="checkbox" id="${a.id}" name="${o.name}" value="${o.value}"${a.value === o.value ? html` checked` : ""}${a.describedBy ? html` aria-describedby="${a.describedBy}"` : ""}${a.invalid ? html` aria-invalid="true"` : ""}>
    <label for="${a.id}">${o.label}</label>
  </div>
</div>`;
}

/** The GOV.UK error summary: focusable alert at the top of the form, one link per field error. */
export function errorSummary(lang: Lang, idPrefix: string, state: FormState | undefined, labels: Record<string, string>): SafeHtml | "" {
  if (!state || (Object.keys(state.errors).length === 0 && !state.summary)) return "";
  return html`<div class="pl-error-summary" role="alert" tabindex="-1" autofocus aria-labelledby="${idPrefix}-error-title" data-error-summary>
  <h2 class="pl-error-summary__title" id="${idPrefix}-error-title">${t(lang, "ideabox.form.error_summary_title")}</h2>
  <ul class="pl-error-summary__list">
${state.summary ? html`<li>${state.summary}</li>` : ""}
${Object.entries(state.errors).map(
  ([name, message]) => html`<li><a href="#${idPrefix}-${name}">${t(lang, "ideabox.form.summary_item", { label: labels[name] ?? name, message })}</a></li>`,
)}
  </ul>
</div>`;
}

/** Hidden fields every citizen form carries: where to come back, and the page language. */
export function hiddenContext(lang: Lang, returnTo: string): SafeHtml {
  return html`<input type="hidden" name="return_to" value="${returnTo}"><input type="hidden" name="lang" value="${lang}">`;
}
