// The data rules read: what Decap writes and what the loader parses, with cleared fields treated as absent.

export type Data = Record<string, unknown>;

export const isData = (value: unknown): value is Data =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);

/**
 * Decap writes cleared optional fields as "" or null, and a text of spaces looks empty to a reader: treat them
 * as absent, so that "optional" means one thing and "required" refuses "   ".
 */
export function stripEmpty(value: unknown): unknown {
  if (value === null || (typeof value === "string" && value.trim() === "")) return undefined;
  if (Array.isArray(value)) return value.map(stripEmpty).filter((item) => item !== undefined);
  if (isData(value)) {
    const entries = Object.entries(value)
      .map(([key, item]) => [key, stripEmpty(item)] as const)
      .filter(([, item]) => item !== undefined);
    return Object.fromEntries(entries);
  }
  return value;
}
