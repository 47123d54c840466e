export { brandCss } from "./css.ts";
export { contrastRatio, luminance, isHexColor } from "./contrast.ts";
export { fonts, findFont, fontAssets, fontsUrl, type Font } from "./fonts.ts";
export { assertContrast, contrastFailures, ContrastError, type ContrastFailure } from "./guard.ts";
export { colorPairs, paletteFrom, readableOn, type Palette, type ColorPair } from "./palette.ts";
