// The commune's brand as one small external stylesheet (/assets/css/brand.css): custom properties for the
// palette and the chosen font's @font-face. External, so the CSP needs no 'unsafe-inline'.
//
// `font-display: optional`: a web font that arrives after the first paint is never swapped in, so text
// never reflows under the reader (with `swap`, Lighthouse measured a layout shift of 0.32-0.38 on every
// page type, most of the mobile performance score). Pages preload the file (base layout), so it is
// normally there in time; when it is not, the page keeps the system font until the next page, which finds
// it in the cache (tests/browser/layout-shift.test.ts checks both sides). Measured and dropped: `swap` with
// a fallback face matched to the very fallback of the test machine (DejaVu Sans, size-adjust and
// ascent/descent overrides per weight) still shifted 0.03 on two page types, since glyph widths differ
// even when the average matches; and readers' fallbacks differ (Segoe UI, Roboto, San Francisco…).
import type { SiteSettings } from "../content/types.ts";
import { faceUrl, findFont } from "./fonts.ts";
import { assertContrast } from "./guard.ts";
import { paletteFrom, type Palette } from "./palette.ts";

const properties: Record<keyof Palette, string> = {
  primary: "--color-primary",
  primaryContrast: "--color-primary-contrast",
  secondary: "--color-secondary",
  secondaryContrast: "--color-secondary-contrast",
  text: "--color-text",
  textMuted: "--color-text-muted",
  bg: "--color-bg",
  surface: "--color-surface",
  border: "--color-border",
  focus: "--color-focus",
  focusInverse: "--color-focus-inverse",
};

/** CSS for the brand; throws a ContrastError naming the pair if the colours fail WCAG AA. */
export function brandCss(settings: Pick<SiteSettings, "colors" | "font">): string {
  const palette = paletteFrom(settings.colors);
  assertContrast(palette);
  const font = findFont(settings.font);
  const face = font.face
    ? `@font-face {\n  font-family: "${font.face.family}";\n  font-style: normal;\n  font-display: optional;\n` +
      `  font-weight: ${font.face.weight};\n  src: url("${faceUrl(font.face)}") format("woff2");\n` +
      `  unicode-range: ${font.face.unicodeRange};\n}\n\n`
    : "";
  const vars = (Object.keys(properties) as (keyof Palette)[])
    .map((key) => `  ${properties[key]}: ${palette[key]};`)
    .join("\n");
  return `${face}:root {\n${vars}\n  --font-body: ${font.stack};\n}\n`;
}
