import { describe, expect, it } from "vitest";
import { safeReturnTo, withFlash } from "./return-to.ts";

describe("safeReturnTo", () => {
  it("keeps same-site paths with their query and fragment", () => {
    expect(safeReturnTo("/consultations/velo/propositions/?sort=popular#p1")).toBe("/consultations/velo/propositions/?sort=popular#p1");
  });

  it("gives back the normalised path, as the browser would read it", () => {
    expect(safeReturnTo("/a/../consultations/./velo/")).toBe("/consultations/velo/");
  });

  it.each([
    "https://evil.example/",
    "//evil.example/x",
    "/\\evil.example",
    "javascript:alert(1)",
    "",
    42,
    null,
    "consultations/",
    // Only another host once dot segments are resolved (issue 6): checked after normalising.
    "/..//evil.example",
    "/.//evil.example",
    "/a/..//evil.example",
    "/%2e%2e//evil.example",
    "/%2E//evil.example",
  ])(
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
