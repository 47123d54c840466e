// The language of an answer: an explicit `lang` field or query parameter, else the /en/ path prefix, else French.
import { defaultLang, langs, type Lang } from "../../../site/_lib/content/types.ts";

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (langs as readonly string[]).includes(value);
}

export function langOf(url: URL, field?: unknown): Lang {
  if (isLang(field)) return field;
  const query = url.searchParams.get("lang");
  if (isLang(query)) return query;
  const prefix = url.pathname.split("/")[1];
  return isLang(prefix) ? prefix : defaultLang;
}
