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

import { stripEmpty } from "./rules/values.ts";

// Cleared fields read as absent: the rules and the editor share this step (./rules/values.ts).
export { stripEmpty };

/** A file's fields as the model names them: the Markdown body is the field `body`; empty values are absent. */
export function fileData({ data, body }: ParsedFile): Record<string, unknown> {
  return stripEmpty(body === undefined ? data : { ...data, body }) as Record<string, unknown>;
}
