// An English entry holds what translators wrote (fields with i18n: true); everything else (dates, phases'
// modules, districts…) comes from the French original, which stays the single truth. Decap validates only
// the default locale and writes an English file holding just the copied ("duplicate") fields when nobody
// translated: such a file is not a translation. A started translation must be complete: a required
// translated field missing in English is an error, never a silent French fallback on an English page.
import type { Field } from "./model/index.ts";

type Data = Record<string, unknown>;

const isData = (value: unknown): value is Data => typeof value === "object" && value !== null && !Array.isArray(value);

/** Whether an English file carries any translated text, or only what Decap copied from French. */
export function isTranslated(fields: readonly Field[], translation: Data): boolean {
  return fields.some((field) => field.i18n === true && translation[field.name] !== undefined);
}

export function mergeTranslation(fields: readonly Field[], original: Data, translation: Data): Data {
  const merged: Data = { ...original };
  for (const field of fields) {
    if (field.i18n !== true) continue;
    const base = original[field.name];
    const own = translation[field.name];
    if (field.kind === "object" && isData(base)) {
      merged[field.name] = mergeTranslation(field.fields, base, isData(own) ? own : {});
    } else if (field.kind === "objectList" && Array.isArray(base)) {
      const items = Array.isArray(own) ? own : [];
      merged[field.name] = base.map((item, i) =>
        isData(item) ? mergeTranslation(field.fields, item, isData(items[i]) ? (items[i] as Data) : {}) : item,
      );
    } else if (field.kind === "image" && isData(base)) {
      // The picture is the same in every language; only its alternative text is translated.
      merged[field.name] = { src: base["src"], ...(isData(own) && own["alt"] !== undefined ? { alt: own["alt"] } : {}) };
    } else if (own === undefined) {
      delete merged[field.name];
    } else {
      merged[field.name] = own;
    }
  }
  return merged;
}
