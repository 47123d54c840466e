import { describe, expect, it } from "vitest";
import { brandCss } from "./css.ts";
import { contrastRatio } from "./contrast.ts";
import { fontAssets, fonts } from "./fonts.ts";
import { ContrastError, assertContrast, contrastFailures } from "./guard.ts";
import { brandColorOf, colorPairs, paletteFrom, type Palette } from "./palette.ts";
import { existsSync } from "node:fs";

describe("WCAG 2.1 contrast ratio", () => {
  it("matches reference values", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#fff", "#fff")).toBeCloseTo(1, 5);
    // #767676 is the classic lightest grey passing 4.5:1 on white.
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
    expect(contrastRatio("#777777", "#ffffff")).toBeLessThan(4.5);
  });

  it("rejects what is not a hex colour", () => {
    expect(() => contrastRatio("blue", "#fff")).toThrow(/not a #rgb or #rrggbb colour/);
  });
});

describe("contrast guard", () => {
  it("passes an accessible palette on every pair the site uses", () => {
    const palette = paletteFrom({ primary: "#1d5a85", secondary: "#8c3a14" });
    expect(contrastFailures(palette)).toEqual([]);
    expect(colorPairs.length).toBeGreaterThan(5);
  });

  it("picks white or near-black text on brand colours, whichever reads best", () => {
    expect(paletteFrom({ primary: "#1d5a85", secondary: "#f2c14e" })).toMatchObject({
      primaryContrast: "#ffffff",
      secondaryContrast: "#161616",
    });
  });

  it("fails a light primary as link colour, naming the pair, the colours and the ratio", () => {
    const palette = paletteFrom({ primary: "#7fb3d5", secondary: "#8c3a14" });
    expect(() => assertContrast(palette)).toThrow(ContrastError);
    expect(() => assertContrast(palette)).toThrow(
      /primary \(links\) on background: #7fb3d5 on #ffffff has contrast 2\.\d\d:1, WCAG AA needs 4\.5:1/,
    );
  });

  it("fails a mid-tone secondary on which neither white nor near-black text reaches 4.5:1", () => {
    // #d9480f (a warm orange): 4.30:1 with white, 4.21:1 with #161616.
    const failures = contrastFailures(paletteFrom({ primary: "#1d5a85", secondary: "#d9480f" }));
    expect(failures.map((f) => f.pair)).toEqual(["secondary-contrast on secondary (badges, banners)"]);
    expect(failures[0]!.ratio).toBeCloseTo(4.3, 1);
  });
});

describe("brand colour of each palette entry", () => {
  it("names exactly the entries that change with that colour", () => {
    const base = paletteFrom({ primary: "#1d5a85", secondary: "#8c3a14" });
    const changedWith = (colors: { primary: string; secondary: string }) => {
      const palette = paletteFrom(colors);
      return (Object.keys(base) as (keyof Palette)[]).filter((key) => palette[key] !== base[key]).sort();
    };
    const following = (colour: "primary" | "secondary") =>
      (Object.keys(brandColorOf) as (keyof Palette)[]).filter((key) => brandColorOf[key] === colour).sort();
    // A light colour flips its readable text from white to near-black, so every dependent entry changes.
    expect(changedWith({ primary: "#ffdd55", secondary: "#8c3a14" })).toEqual(following("primary"));
    expect(changedWith({ primary: "#1d5a85", secondary: "#ffdd55" })).toEqual(following("secondary"));
  });
});

describe("brandCss", () => {
  it("emits the palette as custom properties and the chosen self-hosted font", () => {
    const css = brandCss({ colors: { primary: "#1D5A85", secondary: "#8c3a14" }, font: "public-sans" });
    expect(css).toContain("--color-primary: #1d5a85;");
    expect(css).toContain("--color-primary-contrast: #ffffff;");
    expect(css).toContain("--color-focus: #1d5a85;");
    expect(css).toContain('src: url("/assets/fonts/public-sans-latin-wght-normal.woff2") format("woff2");');
    expect(css, "a late font never reflows the text").toContain("font-display: optional;");
    expect(css).toMatch(/--font-body: "Public Sans Variable", system-ui/);
  });

  it("emits no @font-face for the system font", () => {
    expect(brandCss({ colors: { primary: "#1d5a85", secondary: "#8c3a14" }, font: "system" })).not.toContain("@font-face");
  });

  it("refuses failing colours", () => {
    expect(() => brandCss({ colors: { primary: "#ffcc00", secondary: "#8c3a14" }, font: "system" })).toThrow(ContrastError);
  });

  it("points at font files that exist in node_modules", () => {
    for (const font of fonts.filter((f) => f.face)) {
      const [asset] = fontAssets(font.id);
      expect(existsSync(asset!.from), asset!.from).toBe(true);
      expect(asset!.to).toBe(`/assets/fonts/${font.face!.file}`);
    }
  });
});
