// Reading content files as Decap writes them: YAML front matter plus a Markdown body, or a plain YAML file.
import { parse } from "yaml";

export interface ParsedFile {
  data: Record<string, unknown>;
  body?: string;
}

const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/;

function parseYaml(source: string): Record<string, unknown> {
  // The YAML 1.2 core schema keeps "2026-09-14T18:00" a string: times are Paris wall clock, not UTC.
  const data: unknown = parse(source, { schema: "core", prettyErrors: true }) ?? {};
  if (typeof data !== "object" || Array.isArray(data)) throw new Error("the front matter is not a YAML mapping");
  return data as Record<string, unknown>;
}

export function parseMarkdownFile(text: string): ParsedFile {
  const match = frontMatter.exec(text);
  if (!match) return { data: {}, body: text.trim() };
  // The leading newline stands for the opening "---", so YAML error line numbers match the file's.
  return { data: parseYaml(`\n${match[1] ?? ""}`), body: (match[2] ?? "").trim() };
}

export function parseYamlFile(text: string): ParsedFile {
  return { data: parseYaml(text) };
}

/** A file's fields as the model names them: the Markdown body is the field `body`; empty values are absent. */
export function fileData({ data, body }: ParsedFile): Record<string, unknown> {
  return stripEmpty(body === undefined ? data : { ...data, body }) as Record<string, unknown>;
}

/**
 * Decap writes cleared optional fields as "" or null; treat them as absent so that "optional" means one thing.
 */
export function stripEmpty(value: unknown): unknown {
  if (value === null || (typeof value === "string" && value.trim() === "")) return undefined;
  if (Array.isArray(value)) return value.map(stripEmpty).filter((item) => item !== undefined);
  if (typeof value === "object" && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => [key, stripEmpty(item)] as const)
      .filter(([, item]) => item !== undefined);
    return Object.fromEntries(entries);
  }
  return value;
}
