// From the two brand colours to the full palette the site uses, and the list of every foreground/background
// pair the templates are allowed to combine. The guard checks exactly these pairs, so a template that needs a
// new combination adds it here first.
import { contrastRatio } from "./contrast.ts";

export interface Palette {
  primary: string;
  primaryContrast: string;
  secondary: string;
  secondaryContrast: string;
  text: string;
  textMuted: string;
  bg: string;
  surface: string;
  border: string;
  /** Focus ring on the page (drawn with an offset, so it sits on the background). */
  focus: string;
  /** Focus ring inside primary-coloured areas (header, buttons' surroundings). */
  focusInverse: string;
}

/** WCAG AA: 4.5:1 for text, 3:1 for user-interface components such as focus rings and borders of inputs. */
export const AA_TEXT = 4.5;
export const AA_NON_TEXT = 3;

export interface ColorPair {
  name: string;
  foreground: keyof Palette;
  background: keyof Palette;
  min: number;
}

export const colorPairs: readonly ColorPair[] = [
  { name: "body text on background", foreground: "text", background: "bg", min: AA_TEXT },
  { name: "muted text on background", foreground: "textMuted", background: "bg", min: AA_TEXT },
  { name: "body text on surface", foreground: "text", background: "surface", min: AA_TEXT },
  { name: "primary (links) on background", foreground: "primary", background: "bg", min: AA_TEXT },
  { name: "primary (links) on surface", foreground: "primary", background: "surface", min: AA_TEXT },
  { name: "primary-contrast on primary (buttons, header)", foreground: "primaryContrast", background: "primary", min: AA_TEXT },
  { name: "secondary-contrast on secondary (badges, banners)", foreground: "secondaryContrast", background: "secondary", min: AA_TEXT },
  { name: "focus ring on background", foreground: "focus", background: "bg", min: AA_NON_TEXT },
  { name: "focus ring on surface", foreground: "focus", background: "surface", min: AA_NON_TEXT },
  { name: "inverse focus ring on primary", foreground: "focusInverse", background: "primary", min: AA_NON_TEXT },
  { name: "input border on background", foreground: "border", background: "bg", min: AA_NON_TEXT },
];

/**
 * The brand colour each palette entry follows (the others are fixed greys), so that a failing pair names the
 * colour the organizer should change.
 */
export const brandColorOf: Readonly<Partial<Record<keyof Palette, "primary" | "secondary">>> = {
  primary: "primary",
  primaryContrast: "primary",
  focus: "primary",
  focusInverse: "primary",
  secondary: "secondary",
  secondaryContrast: "secondary",
};

const white = "#ffffff";
const nearBlack = "#161616";

/** Text colour that reads best on `background`: white or near-black. */
export function readableOn(background: string): string {
  return contrastRatio(white, background) >= contrastRatio(nearBlack, background) ? white : nearBlack;
}

export function paletteFrom(colors: { primary: string; secondary: string }): Palette {
  const primary = colors.primary.toLowerCase();
  const secondary = colors.secondary.toLowerCase();
  return {
    primary,
    primaryContrast: readableOn(primary),
    secondary,
    secondaryContrast: readableOn(secondary),
    text: nearBlack,
    textMuted: "#595959",
    bg: white,
    surface: "#f6f6f6",
    border: "#767676",
    focus: primary,
    focusInverse: readableOn(primary),
  };
}
