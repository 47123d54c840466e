import { describe, expect, it } from "vitest";
import {
  hasControlCharacter,
  hasDisguiseCharacter,
  invisibleCharacters,
  isVisibleText,
  normaliseLineBreaks,
  rangesOf,
} from "./visible.ts";

const listed = (code: number) => invisibleCharacters.some((r) => r.from <= code && code <= r.to);
const everyListed = () => invisibleCharacters.flatMap((r) => Array.from({ length: r.to - r.from + 1 }, (_, i) => r.from + i));

describe("the invisible characters list", () => {
  it("covers Unicode's controls, White_Space and Default_Ignorable_Code_Point as Node knows them", () => {
    const unicode = /^[\p{Cc}\p{White_Space}\p{Default_Ignorable_Code_Point}]$/u;
    const missing: string[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      if (unicode.test(String.fromCodePoint(code)) && !listed(code)) missing.push(code.toString(16));
    }
    expect(missing).toEqual([]);
  });

  it("lists each code point once", () => {
    const codes = everyListed();
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe("isVisibleText", () => {
  it("refuses every listed code point alone, and runs of them mixed", () => {
    for (const code of everyListed()) expect(isVisibleText(String.fromCodePoint(code)), code.toString(16)).toBe(false);
    expect(isVisibleText("\u200b\u00a0 \u202f\ufeff\u2800\u3164\u{e0041}\n\t")).toBe(false);
    expect(isVisibleText("")).toBe(false);
  });

  it("accepts visible text around invisible characters, as French typography writes it", () => {
    for (const text of ["\u00abBonjour\u00a0\u00bb", "Vraiment\u202f?", "\u00a0a\u00a0", "a\u200b", "🏳️‍🌈", "ㄱ"]) {
      expect(isVisibleText(text), text).toBe(true);
    }
  });
});

describe("controls", () => {
  it("allows LF only in multi-line text and no control at all in one-line text", () => {
    expect(hasControlCharacter("a\nb", { multiline: true })).toBe(false);
    expect(hasControlCharacter("a\nb", { multiline: false })).toBe(true);
    for (const range of rangesOf(["control"])) {
      for (let code = range.from; code <= range.to; code++) {
        if (code === 0x0a) continue;
        expect(hasControlCharacter(`a${String.fromCodePoint(code)}b`, { multiline: true }), code.toString(16)).toBe(true);
      }
    }
  });

  it("turns CRLF and lone CR into LF, so both count the same", () => {
    expect(normaliseLineBreaks("a\r\nb\rc\nd\r\n\r\n")).toBe("a\nb\nc\nd\n\n");
  });
});

describe("hasDisguiseCharacter", () => {
  it("flags zero-width and bidirectional characters, not typographic spaces or emoji marks", () => {
    expect(hasDisguiseCharacter("Jo\u200bB.")).toBe(true);
    expect(hasDisguiseCharacter("\u202eesreveR")).toBe(true);
    expect(hasDisguiseCharacter("Jo\u00a0B.")).toBe(false);
    expect(hasDisguiseCharacter("Jo \u2764\ufe0f")).toBe(false);
  });
});
