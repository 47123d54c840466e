// The commune's brand as one small external stylesheet (/assets/css/brand.css): custom properties for the
// palette and the chosen font's @font-face. External, so the CSP needs no 'unsafe-inline'.
import type { SiteSettings } from "../content/types.ts";
import { findFont, fontsUrl } from "./fonts.ts";
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
    ? `@font-face {\n  font-family: "${font.face.family}";\n  font-style: normal;\n  font-display: swap;\n` +
      `  font-weight: ${font.face.weight};\n  src: url("${fontsUrl}${font.face.file}") format("woff2");\n` +
      `  unicode-range: ${font.face.unicodeRange};\n}\n\n`
    : "";
  const vars = (Object.keys(properties) as (keyof Palette)[])
    .map((key) => `  ${properties[key]}: ${palette[key]};`)
    .join("\n");
  return `${face}:root {\n${vars}\n  --font-body: ${font.stack};\n}\n`;
}
