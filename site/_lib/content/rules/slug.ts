// An entry's slug is its file name and its URL segment. Decap makes it from the title when the entry is created
// (the collection's `slug: "{{slug}}"`), with the `slug` settings of site/_lib/content/decap.ts; the build refuses
// what is not a plain slug, and static pages may not take a section's name.
import { reservedSlugs, slugPattern } from "../routes.ts";

/** Letters without a decomposition that Decap's accent folding (the `diacritics` package) still spells out. */
const ligatures: Readonly<Record<string, string>> = { œ: "oe", æ: "ae", ß: "ss", ø: "o", ł: "l", đ: "d", ð: "dh", þ: "th", ı: "i" };

const windowsReserved = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/**
 * The slug Decap 3.x gives a new entry with this title, under the settings { encoding: "ascii", clean_accents:
 * true, sanitize_replacement: "-" }: lower case; ' dropped and . turned into -; accents folded; anything but
 * ASCII letters, digits, _ - ~ replaced by -; runs of - collapsed and trimmed. A browser test creates entries
 * through Decap and compares their file names with this function.
 */
export function decapSlug(title: string): string {
  const folded = title
    .trim()
    .toLocaleLowerCase()
    .replace(/'/g, "")
    .replace(/\./g, "-")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/./gu, (char) => ligatures[char] ?? char);
  const safe = Array.from(folded, (char) => (/[\w\-.~]/.test(char) ? char : "-")).join("").slice(0, 255);
  return (windowsReserved.test(safe) ? "-" : safe).replace(/-+/g, "-").replace(/^-/, "").replace(/-$/, "");
}

/** Whether `slug` may name a file of `collection` and its URL; the code of the refusal otherwise. */
export function slugRefusal(collection: string, slug: string): "slug_invalid" | "page_slug_reserved" | undefined {
  if (!slugPattern.test(slug)) return "slug_invalid";
  if (collection === "pages" && reservedSlugs.has(slug)) return "page_slug_reserved";
  return undefined;
}
