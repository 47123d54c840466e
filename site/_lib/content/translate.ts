// An English entry holds only what Decap lets translators change (fields with i18n: true); everything else
// (dates, phases' modules, districts…) comes from the French original, which stays the single truth.
import type { Field } from "./model/index.ts";

type Data = Record<string, unknown>;

const isData = (value: unknown): value is Data => typeof value === "object" && value !== null && !Array.isArray(value);

export function mergeTranslation(fields: readonly Field[], original: Data, translation: Data): Data {
  const merged: Data = { ...original };
  for (const field of fields) {
    if (field.i18n !== true) continue;
    const own = translation[field.name];
    if (own === undefined) continue;
    const base = original[field.name];
    if (field.kind === "object" && isData(base) && isData(own)) {
      merged[field.name] = mergeTranslation(field.fields, base, own);
    } else if (field.kind === "image" && isData(base) && isData(own)) {
      // Only the alternative text is translated; the picture is the same.
      merged[field.name] = { ...base, ...(own["alt"] === undefined ? {} : { alt: own["alt"] }) };
    } else if (field.kind === "objectList" && Array.isArray(base) && Array.isArray(own)) {
      merged[field.name] = base.map((item, i) =>
        isData(item) && isData(own[i]) ? mergeTranslation(field.fields, item, own[i] as Data) : item,
      );
    } else {
      merged[field.name] = own;
    }
  }
  return merged;
}
