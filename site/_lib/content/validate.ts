// Validation of one file against its collection: generated schema first, then the collection's own rules.
import type { z } from "zod";
import type { ContentIssue } from "./errors.ts";
import type { Collection } from "./model/index.ts";
import { collectionSchema } from "./schemas.ts";

const schemas = new Map<Collection, z.ZodObject>();

function schemaOf(collection: Collection): z.ZodObject {
  let schema = schemas.get(collection);
  if (!schema) schemas.set(collection, (schema = collectionSchema(collection)));
  return schema;
}

function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}`;
  if (issue.code === "invalid_union" && "discriminator" in issue) {
    return `unknown ${String(issue.discriminator)} (expected one of the declared types)`;
  }
  return issue.message;
}

export type Validated = { ok: true; data: Record<string, unknown> } | { ok: false; issues: ContentIssue[] };

export function validateFile(collection: Collection, file: string, raw: unknown): Validated {
  const result = schemaOf(collection).safeParse(raw, {
    error: (issue) => (issue.input === undefined && issue.code === "invalid_type" ? "is required" : undefined),
  });
  if (!result.success) {
    return {
      ok: false,
      issues: result.error.issues.map((issue) => ({
        file,
        path: issue.path.filter((part): part is string | number => typeof part !== "symbol"),
        message: messageOf(issue),
      })),
    };
  }
  const issues: ContentIssue[] = [];
  collection.check?.(result.data, { issue: (path, message) => issues.push({ file, path, message }) });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, data: result.data };
}
