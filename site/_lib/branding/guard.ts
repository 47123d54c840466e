import { contrastRatio } from "./contrast.ts";
import { colorPairs, type ColorPair, type Palette } from "./palette.ts";

export interface ContrastFailure {
  pair: string;
  /** Which palette entries fail, for messages that name the colour to change. */
  colorPair: ColorPair;
  foreground: string;
  background: string;
  ratio: number;
  min: number;
}

export class ContrastError extends Error {
  override name = "ContrastError";
  constructor(readonly failures: ContrastFailure[]) {
    super(failures.map(describe).join("; "));
  }
}

function describe(f: ContrastFailure): string {
  return `${f.pair}: ${f.foreground} on ${f.background} has contrast ${f.ratio.toFixed(2)}:1, WCAG AA needs ${f.min}:1`;
}

export function contrastFailures(palette: Palette): ContrastFailure[] {
  return colorPairs.flatMap((pair) => {
    const foreground = palette[pair.foreground];
    const background = palette[pair.background];
    const ratio = contrastRatio(foreground, background);
    return ratio + 1e-9 < pair.min ? [{ pair: pair.name, colorPair: pair, foreground, background, ratio, min: pair.min }] : [];
  });
}

/** Throws a ContrastError naming every text/background pair of the palette below WCAG AA. */
export function assertContrast(palette: Palette): void {
  const failures = contrastFailures(palette);
  if (failures.length > 0) throw new ContrastError(failures);
}
