// Every rule on one entry, in one call: the build runs it on each file, the editor on the draft it is about to
// save. Issues come in field order, then cross-field, slug and link rules.
import type { Collection } from "../model/index.ts";
import { crossRules } from "./cross.ts";
import { checkFields, type Report } from "./fields.ts";
import type { RuleIssue } from "./issues.ts";
import { slugRefusal } from "./slug.ts";
import { slugPattern } from "../routes.ts";
import type { Data } from "./values.ts";

/** Whether an entry of `collection` has this slug; undefined while it is not known. */
export type Exists = (collection: string, slug: string) => boolean | undefined;

export interface EntryContext {
  /** The entry's slug: its file name, or for a new entry in the editor, the one Decap will make from the title. */
  slug?: string;
  exists?: Exists;
}

/** Top-level relation fields that name no existing entry (the only place the model declares relations). */
export function relationIssues(collection: Collection, data: Data, exists: Exists): RuleIssue[] {
  return collection.fields.flatMap((field): RuleIssue[] => {
    const value = data[field.name];
    if (field.kind !== "relation" || typeof value !== "string" || !slugPattern.test(value)) return [];
    return exists(field.collection, value) === false ? [{ path: [field.name], code: "relation_missing", params: { slug: value } }] : [];
  });
}

/** Data must come through stripEmpty, as the loader reads files and the editor reads its draft. */
export function checkEntry(collection: Collection, data: Data, context: EntryContext = {}): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const report: Report = (path, code, params) => issues.push(params ? { path, code, params } : { path, code });
  checkFields(collection.fields, data, [], report);
  crossRules[collection.name]?.(data, report, collection);
  if (collection.type === "folder" && context.slug !== undefined) {
    const refusal = slugRefusal(collection.name, context.slug);
    if (refusal) report([collection.identifierField], refusal, { slug: context.slug });
  }
  if (context.exists) issues.push(...relationIssues(collection, data, context.exists));
  return issues;
}
