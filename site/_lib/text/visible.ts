// The one rule for text citizens write (titles, bodies, comments, names, themes, districts) and for the
// consultation texts synced from content/. A text must show something: one character outside the list below.
// It may not carry a control character, except LF in multi-line fields (line breaks are turned into LF first,
// so a form's CRLF and a fetch's LF count the same). A display name may not carry a "disguise" character at all.
//
// The list is explicit rather than a regex class such as \s or \p{…}, because the SQL checks must give the
// same answer: PostgreSQL's \s and [[:space:]] follow the database's locale, which differs between engines
// (on PGlite `E'\u00a0' ~ '\S'` is true: a no-break space counts as visible). The migration
// supabase/migrations/20261202100000_visible_text.sql holds the same list as character classes
// (private.character_class), and tests/db/visible-text.test.ts reads them back from both database engines and
// compares them with this file.
//
// What is listed (Unicode 15.1): every Cc control, every White_Space character, every
// Default_Ignorable_Code_Point, and U+2800 BRAILLE PATTERN BLANK (a visible-width blank used to fake empty
// names). visible.test.ts checks the list still covers those properties as the running Node knows them.

export type CharacterKind =
  /** C0 and C1 controls, DEL: refused everywhere, except LF in multi-line text. */
  | "control"
  /** Blanks of typography: fine between words (French puts U+202F before « ; » and inside « »). */
  | "space"
  /** Zero-width marks that shape their neighbours (emoji variation, soft hyphen, tag sequences of flags). */
  | "format"
  /** Zero-width or blank characters that can hide, split or reverse text: never inside a display name. */
  | "disguise";

export interface CharacterRange {
  from: number;
  to: number;
  kind: CharacterKind;
}

const range = (from: number, to: number, kind: CharacterKind): CharacterRange => ({ from, to, kind });

export const invisibleCharacters: readonly CharacterRange[] = [
  range(0x0000, 0x001f, "control"), // C0, with TAB, LF, VT, FF, CR
  range(0x007f, 0x009f, "control"), // DEL and C1, with NEL (U+0085)
  range(0x0020, 0x0020, "space"),
  range(0x00a0, 0x00a0, "space"), // no-break space
  range(0x1680, 0x1680, "space"), // ogham space mark
  range(0x2000, 0x200a, "space"), // en quad … hair space
  range(0x202f, 0x202f, "space"), // narrow no-break space
  range(0x205f, 0x205f, "space"), // medium mathematical space
  range(0x2800, 0x2800, "space"), // braille pattern blank
  range(0x3000, 0x3000, "space"), // ideographic space
  range(0x00ad, 0x00ad, "format"), // soft hyphen
  range(0x034f, 0x034f, "format"), // combining grapheme joiner
  range(0x17b4, 0x17b5, "format"), // Khmer inherent vowels
  range(0x180b, 0x180f, "format"), // Mongolian variation selectors and vowel separator
  range(0xfe00, 0xfe0f, "format"), // variation selectors (emoji presentation)
  range(0xfff0, 0xfff8, "format"), // reserved, default ignorable
  range(0x1bca0, 0x1bca3, "format"), // shorthand format controls
  range(0x1d173, 0x1d17a, "format"), // musical symbol formatting
  range(0xe0000, 0xe0fff, "format"), // tags (subdivision flags) and variation selectors supplement
  range(0x061c, 0x061c, "disguise"), // Arabic letter mark
  range(0x115f, 0x1160, "disguise"), // Hangul fillers
  range(0x200b, 0x200f, "disguise"), // zero-width space, non-joiner, joiner, LRM, RLM
  range(0x2028, 0x202e, "disguise"), // line and paragraph separators, bidirectional embeddings and overrides
  range(0x2060, 0x206f, "disguise"), // word joiner, invisible operators, bidirectional isolates, deprecated formats
  range(0x3164, 0x3164, "disguise"), // Hangul filler
  range(0xfeff, 0xfeff, "disguise"), // zero-width no-break space (byte order mark)
  range(0xffa0, 0xffa0, "disguise"), // halfwidth Hangul filler
];

export const characterKinds: readonly CharacterKind[] = ["control", "space", "format", "disguise"];

export function rangesOf(only: readonly CharacterKind[] = characterKinds): CharacterRange[] {
  return invisibleCharacters.filter((r) => only.includes(r.kind));
}

const hex = (code: number) => `\\u{${code.toString(16)}}`;
function characterClass(only: readonly CharacterKind[], negated = false): RegExp {
  const body = rangesOf(only)
    .map((r) => (r.from === r.to ? hex(r.from) : `${hex(r.from)}-${hex(r.to)}`))
    .join("");
  return new RegExp(`[${negated ? "^" : ""}${body}]`, "u");
}

const visibleCharacter = characterClass(characterKinds, true);
const controlCharacter = characterClass(["control"]);
const disguiseCharacter = characterClass(["disguise"]);

/** CRLF and lone CR become LF: a form post sends a textarea's line breaks as CRLF, fetch sends what was typed. */
export function normaliseLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

/** True when the text shows at least one character outside the list. */
export function isVisibleText(text: string): boolean {
  return visibleCharacter.test(text);
}

/** True when the text carries a control character; LF is allowed in multi-line text. */
export function hasControlCharacter(text: string, options: { multiline: boolean }): boolean {
  return controlCharacter.test(options.multiline ? text.replaceAll("\n", "") : text);
}

/** True when the text carries a character that could hide or reverse what a name shows. */
export function hasDisguiseCharacter(text: string): boolean {
  return disguiseCharacter.test(text);
}
