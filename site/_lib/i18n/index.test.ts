import { describe, expect, it } from "vitest";
import { messages, t } from "./index.ts";

function keys(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "string" ? [prefix + k] : keys(v as object, `${prefix}${k}.`),
  );
}

describe("messages", () => {
  it("has every English key in French, the reference language", () => {
    const fr = new Set(keys(messages.fr));
    expect(keys(messages.en).filter((k) => !fr.has(k))).toEqual([]);
  });

  it("has every French key in English: t() would silently show French on English pages (issue 8)", () => {
    const en = new Set(keys(messages.en));
    expect(keys(messages.fr).filter((k) => !en.has(k))).toEqual([]);
  });

  it("falls back to the key itself when a message is missing", () => {
    expect(t("en", "ui.__missing__")).toBe("ui.__missing__");
  });
});
