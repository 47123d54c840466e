// Validation of one file against its collection: every rule of ./rules first (the same ones the editor runs
// before saving), then the schema's conversions into build values.
import path from "node:path";
import type { z } from "zod";
import { contentIssue, type ContentIssue } from "./errors.ts";
import type { Collection } from "./model/index.ts";
import { checkEntry } from "./rules/index.ts";
import { collectionSchema } from "./schemas.ts";

const schemas = new Map<Collection, z.ZodObject>();

function schemaOf(collection: Collection): z.ZodObject {
  let schema = schemas.get(collection);
  if (!schema) schemas.set(collection, (schema = collectionSchema(collection)));
  return schema;
}

export type Validated = { ok: true; data: Record<string, unknown> } | { ok: false; issues: ContentIssue[] };

/** `raw` comes through stripEmpty; a folder entry's slug is its file name. */
export function validateFile(collection: Collection, file: string, raw: Record<string, unknown>): Validated {
  const slug = collection.type === "folder" ? path.basename(file, ".md") : undefined;
  const issues = checkEntry(collection, raw, slug === undefined ? {} : { slug });
  if (issues.length > 0) {
    return { ok: false, issues: issues.map((issue) => contentIssue({ file, collection, data: raw }, issue.code, issue.path, issue.params)) };
  }
  const result = schemaOf(collection).safeParse(raw);
  if (!result.success) {
    throw new Error(`The content rules accepted ${file} but its build schema refused it (a bug): ${result.error.message}`);
  }
  return { ok: true, data: result.data };
}
