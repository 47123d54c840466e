// An English entry holds what translators wrote (fields with i18n: true); everything else (dates, phases'
// modules, districts, pictures…) comes from the French original, which stays the single truth. Decap writes an
// English file as soon as it holds anything, including values it copied from French ("duplicate" fields) when
// nobody translated: a file without translated text is not a translation. A started translation may be
// partial: each translated field left empty shows the French text, and the loader warns, never refuses.
import type { Field } from "./model/index.ts";

type Data = Record<string, unknown>;
export type FieldPath = (string | number)[];

const isData = (value: unknown): value is Data => typeof value === "object" && value !== null && !Array.isArray(value);

/** Files are read through stripEmpty: an empty string is already gone, an emptied list is still []. */
const isEmpty = (value: unknown) => value === undefined || (Array.isArray(value) && value.length === 0);

function hasText(field: Field, value: unknown): boolean {
  switch (field.kind) {
    case "image":
      // The picture is the same in every language: only its alternative text is translated.
      return isData(value) && !isEmpty(value["alt"]);
    case "object":
      return isData(value) && isTranslated(field.fields, value);
    case "objectList":
      return Array.isArray(value) && value.some((item) => isData(item) && isTranslated(field.fields, item));
    default:
      return !isEmpty(value);
  }
}

/** Whether an English file carries any translated text, or only what Decap copied from French. */
export function isTranslated(fields: readonly Field[], translation: Data): boolean {
  return fields.some((field) => field.i18n === true && hasText(field, translation[field.name]));
}

/** The translation's value, else the French one (its path then joins `fallbacks`). */
function either(base: unknown, own: unknown, path: FieldPath, fallbacks: FieldPath[]): unknown {
  if (!isEmpty(own)) return own;
  if (!isEmpty(base)) fallbacks.push(path);
  return base;
}

function merge(fields: readonly Field[], original: Data, translation: Data, at: FieldPath, fallbacks: FieldPath[]): Data {
  const merged: Data = { ...original };
  for (const field of fields) {
    if (field.i18n !== true) continue;
    const base = original[field.name];
    const own = translation[field.name];
    const path = [...at, field.name];
    // Structure (an image chosen, how many phases) comes from French; only the text inside is translated.
    if (field.kind === "image") {
      if (isData(base)) merged[field.name] = { src: base["src"], alt: either(base["alt"], isData(own) ? own["alt"] : undefined, [...path, "alt"], fallbacks) };
    } else if (field.kind === "object") {
      if (isData(base)) merged[field.name] = merge(field.fields, base, isData(own) ? own : {}, path, fallbacks);
    } else if (field.kind === "objectList") {
      const items = Array.isArray(own) ? own : [];
      if (Array.isArray(base)) {
        merged[field.name] = base.map((item, i) =>
          isData(item) ? merge(field.fields, item, isData(items[i]) ? items[i] : {}, [...path, i], fallbacks) : item,
        );
      }
    } else {
      const value = either(base, own, path, fallbacks);
      if (value === undefined) delete merged[field.name];
      else merged[field.name] = value;
    }
  }
  return merged;
}

/** The English entry's data, and the paths of translated fields that show the French text. */
export function mergeTranslation(
  fields: readonly Field[],
  original: Data,
  translation: Data,
): { data: Data; fallbacks: FieldPath[] } {
  const fallbacks: FieldPath[] = [];
  return { data: merge(fields, original, translation, [], fallbacks), fallbacks };
}
