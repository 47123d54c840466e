// The fonts an organizer may choose, all self-hosted (no font CDN: privacy and CSP). Each web font ships one
// variable woff2 file with the Latin subset, which covers French (œ, «», accents) and English.
import { fileURLToPath } from "node:url";

export interface FontFace {
  family: string;
  /** Weight range of the variable font. */
  weight: string;
  /** File name under /assets/fonts/. */
  file: string;
  /** Path of the woff2 file inside node_modules. */
  module: string;
  unicodeRange: string;
}

export interface Font {
  id: string;
  label: string;
  /** CSS font-family value, with system fallbacks. */
  stack: string;
  face?: FontFace;
}

const systemStack = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const latin =
  "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD";

export const fonts: readonly Font[] = [
  { id: "system", label: "Police du système (aucun téléchargement)", stack: systemStack },
  {
    id: "public-sans",
    label: "Public Sans",
    stack: `"Public Sans Variable", ${systemStack}`,
    face: {
      family: "Public Sans Variable",
      weight: "100 900",
      file: "public-sans-latin-wght-normal.woff2",
      module: "@fontsource-variable/public-sans/files/public-sans-latin-wght-normal.woff2",
      unicodeRange: latin,
    },
  },
  {
    id: "atkinson-hyperlegible-next",
    label: "Atkinson Hyperlegible Next (lisibilité renforcée)",
    stack: `"Atkinson Hyperlegible Next Variable", ${systemStack}`,
    face: {
      family: "Atkinson Hyperlegible Next Variable",
      weight: "200 800",
      file: "atkinson-hyperlegible-next-latin-wght-normal.woff2",
      module: "@fontsource-variable/atkinson-hyperlegible-next/files/atkinson-hyperlegible-next-latin-wght-normal.woff2",
      unicodeRange: latin,
    },
  },
];

/** Public URL folder of the font files; the site build copies them there (see fontAssets). */
export const fontsUrl = "/assets/fonts/";

/** Where the site serves a face's file: the @font-face source and the page's preload link. */
export const faceUrl = (face: FontFace): string => fontsUrl + face.file;

export function findFont(id: string): Font {
  const font = fonts.find((candidate) => candidate.id === id);
  if (!font) throw new Error(`Unknown font "${id}"; choose one of ${fonts.map((x) => x.id).join(", ")}`);
  return font;
}

const nodeModules = new URL("../../../node_modules/", import.meta.url);

/** Files the site must copy for the chosen font: absolute source path and public URL. */
export function fontAssets(id: string): { from: string; to: string }[] {
  const face = findFont(id).face;
  return face ? [{ from: fileURLToPath(new URL(face.module, nodeModules)), to: faceUrl(face) }] : [];
}
