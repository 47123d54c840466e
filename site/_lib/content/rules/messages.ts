// Sentences for issues, in French or English (site/_lib/i18n/<lang>/content.json), naming fields by the labels the
// editor shows: the editor prints them under the field, the build after the entry's title and file.
import { t } from "../../i18n/index.ts";
import { imageParts, type Field } from "../model/fields.ts";
import type { Lang } from "../types.ts";
import type { IssueCode, Param, Path } from "./issues.ts";

/** The fields an item of a container field holds, to follow a path below it. */
export function childFields(field: Field | undefined): readonly Field[] {
  switch (field?.kind) {
    case "object":
    case "objectList":
      return field.fields;
    case "typedList":
      return field.types.flatMap((type) => type.fields);
    case "image":
      return (["src", "alt"] as const).map((name) => ({ kind: "string", name, label: imageParts[name].label, required: false, i18n: true }));
    default:
      return [];
  }
}

/**
 * The labels along `path`, e.g. "Phases n° 2 › Fin"; the first `skip` segments are walked but not named (the
 * editor names a field from where it shows). Segments the model does not declare are named as written.
 */
export function labelTrail(fields: readonly Field[], path: Path, lang: Lang, skip = 0): string {
  const parts: string[] = [];
  let level = fields;
  let current: Field | undefined;
  path.forEach((segment, i) => {
    if (typeof segment === "number") {
      const item = t(lang, "content.item", { n: segment + 1 });
      // Named from here, an item of a plain list takes its field's label, as the editor shows it.
      const owner = i > skip ? parts.pop() : current?.kind === "list" ? current.of.label : current?.label;
      if (i >= skip) parts.push(owner ? `${owner} ${item}` : item);
      if (current?.kind === "list") current = current.of;
      return;
    }
    const typeKey = current?.kind === "typedList" ? current.typeKey : undefined;
    current = level.find((field) => field.name === segment);
    if (i >= skip) parts.push(current?.label ?? (segment === typeKey ? t(lang, "content.type") : segment));
    level = childFields(current);
  });
  return parts.join(" › ");
}

function render(lang: Lang, value: Param): string {
  if (typeof value === "number") return new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-GB").format(value);
  return typeof value === "string" ? value : t(lang, value.t);
}

/** The sentence of one issue; `label` names the field it is about. */
export function issueMessage(lang: Lang, code: IssueCode, params: Record<string, Param> = {}, label = ""): string {
  const rendered = Object.fromEntries(Object.entries(params).map(([name, value]) => [name, render(lang, value)]));
  return t(lang, `content.rules.${code}`, { label, ...rendered });
}
