// The hostile texts of issue 6 (points 3 and 4), shared by the SQL and the HTTP suites: invisible characters
// alone and mixed, and visible text carrying one control character. Built from site/_lib/text/visible.ts, so a
// character added to the list is tried at once.
import { invisibleCharacters, rangesOf } from "../../site/_lib/text/visible.ts";

const char = (code: number) => String.fromCodePoint(code);
/** A NUL cannot reach PostgreSQL text at all; it has its own cases (invalid_input, never internal). */
const edges = [...new Set(invisibleCharacters.flatMap((r) => [r.from, r.to]))].filter((code) => code !== 0);

/** Each range's first and last code point alone, all of them in a run, and the issue's own examples. */
export const invisibleCorpus: readonly string[] = [
  ...edges.map(char),
  edges.map(char).join(""),
  "\u200b\u200b\u200b",
  "\u00a0\u00a0",
  " \u202f\u3000 ",
  "\ufeff\u2060\u202e",
];

const controls = rangesOf(["control"]).flatMap((r) => Array.from({ length: r.to - r.from + 1 }, (_, i) => r.from + i));

/**
 * Visible text carrying one control. Multi-line fields keep LF, and the functions turn CR into LF first, so
 * through HTTP (`normalised`) a multi-line field is tried without LF and CR.
 */
export function controlCorpus(options: { multiline: boolean; normalised?: boolean }): string[] {
  const kept = new Set(options.multiline ? [0x0a, ...(options.normalised ? [0x0d] : [])] : []);
  return controls.filter((code) => !kept.has(code)).map((code) => `a${char(code)}b`);
}

/** Visible text as French typography writes it: no-break and narrow no-break spaces beside punctuation. */
export const frenchTitle = "\u00ab\u00a0Des bancs place du March\u00e9\u202f!\u00a0\u00bb";
