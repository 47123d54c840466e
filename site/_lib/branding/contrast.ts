// WCAG 2.1 contrast: relative luminance and contrast ratio of sRGB colours.
// https://www.w3.org/TR/WCAG21/#dfn-relative-luminance

export type Rgb = [number, number, number];

const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

export function isHexColor(value: string): boolean {
  return hex.test(value);
}

export function parseHex(value: string): Rgb {
  const match = hex.exec(value);
  if (!match?.[1]) throw new Error(`"${value}" is not a #rgb or #rrggbb colour`);
  const digits = match[1].length === 3 ? [...match[1]].map((d) => d + d).join("") : match[1];
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as Rgb;
}

export function luminance(color: string): number {
  const [r, g, b] = parseHex(color).map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
