// Themes and districts are shown in the page's language; their French name stays the key stored with each
// proposition, in forms' values and in the database.
import type { Lang, Term } from "./types.ts";

export function termName(term: Term, lang: Lang): string {
  return (lang === "en" ? term.name_en : undefined) ?? term.name;
}
