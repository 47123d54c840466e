import { describe, expect, it } from "vitest";
import { safeReturnTo, withFlash } from "./return-to.ts";

describe("safeReturnTo", () => {
  it("keeps same-site paths with their query and fragment", () => {
    expect(safeReturnTo("/consultations/velo/propositions/?sort=popular#p1")).toBe("/consultations/velo/propositions/?sort=popular#p1");
  });

  it.each(["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "", 42, null, "consultations/"])(
    "refuses %j",
    (value) => {
      expect(safeReturnTo(value, "/fallback/")).toBe("/fallback/");
    },
  );
});

describe("withFlash", () => {
  it("sets one flash before the fragment", () => {
    expect(withFlash("/a/?flash=old&sort=popular#x", "supported")).toBe("/a/?flash=supported&sort=popular#x");
  });
});
