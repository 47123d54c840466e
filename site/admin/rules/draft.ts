// The rules on the draft Decap is about to save, exactly as the build will read the file: the default locale's
// data through stripEmpty, the slug the file will get, and the links to other entries known so far.
import { t } from "../../_lib/i18n/index.ts";
import type { Collection } from "../../_lib/content/model/index.ts";
import { isTranslated, mergeTranslation } from "../../_lib/content/translate.ts";
import { checkEntry, decapSlug, issueMessage, labelTrail, stripEmpty, type Data, type RuleIssue } from "../../_lib/content/rules/index.ts";

/** The content model, inlined at bundle time (see ../build.ts): plain data, no Node module behind it. */
declare const PARLONS_CONTENT_MODEL: Collection[];

/** The part of Immutable.js's Map this code reads (Decap's entries and field configs). */
export interface ImmutableMap {
  get(key: string): unknown;
  toJS(): unknown;
}

const model = new Map(PARLONS_CONTENT_MODEL.map((collection) => [collection.name, collection]));

export function modelOf(collectionName: unknown): Collection | undefined {
  return model.get(String(collectionName));
}

/** Whether entries exist, learnt by the relation fields as they load their value (see control.ts). */
const known = new Map<string, boolean>();
let knownVersion = 0;

export function learnExists(collection: string, slug: string, exists: boolean): void {
  if (known.get(`${collection}/${slug}`) === exists) return;
  known.set(`${collection}/${slug}`, exists);
  knownVersion += 1;
}

/** Decap's data (an Immutable map) as the loader reads a file: plain, with cleared fields absent. */
const plain = (data: unknown): Data => (stripEmpty((data as ImmutableMap | undefined)?.toJS() ?? {}) ?? {}) as Data;

let memo: { entry: unknown; version: number; issues: RuleIssue[] } | undefined;

/** Every rule's issues on `entry` (Decap's draft entry), computed once per draft change. */
export function draftIssues(collection: Collection, entry: ImmutableMap): RuleIssue[] {
  if (memo?.entry === entry && memo.version === knownVersion) return memo.issues;
  const data = plain(entry.get("data"));
  const title = collection.type === "folder" ? data[collection.identifierField] : undefined;
  // A new entry's slug is made from its title when saved; an existing one keeps its file name.
  const slug = entry.get("newRecord") ? (typeof title === "string" ? decapSlug(title) : undefined) : (entry.get("slug") as string | undefined);
  const issues = checkEntry(collection, data, {
    ...(slug ? { slug } : {}),
    exists: (target, value) => known.get(`${target}/${value}`),
  });
  memo = { entry, version: knownVersion, issues };
  return issues;
}

/** The French sentence of an issue shown at the field found at `path` (its own label first). */
export function messageAt(collection: Collection, issue: RuleIssue, path: readonly (string | number)[]): string {
  return issueMessage("fr", issue.code, issue.params, labelTrail(collection.fields, issue.path, "fr", Math.max(path.length - 1, 0)));
}

/**
 * The translations in the draft, as the loader will read their files: only one holding translated text counts,
 * completed field by field from the French data (site/_lib/content/translate.ts, shared with the loader), so a
 * partial translation saves, as the build shows it with a warning; only what stays wrong once completed is refused.
 */
function translationIssues(collection: Collection, entry: ImmutableMap): string[] {
  const french = plain(entry.get("data"));
  const locales = ((entry.get("i18n") as ImmutableMap | undefined)?.toJS() ?? {}) as Record<string, { data?: unknown }>;
  const slug = entry.get("newRecord") ? undefined : (entry.get("slug") as string | undefined);
  return Object.entries(locales).flatMap(([locale, { data }]) => {
    const own = (stripEmpty(data) ?? {}) as Data;
    if (!isTranslated(collection.fields, own)) return [];
    const merged = mergeTranslation(collection.fields, french, own).data;
    return checkEntry(collection, merged, slug ? { slug } : {}).map((issue) =>
      t("fr", `content.translation.${locale}`, { message: messageAt(collection, issue, []) }),
    );
  });
}

/**
 * Decap's preSave event, the last safety net: whatever no field showed (a field the model no longer declares,
 * a rule on the whole entry, a translation wrong once completed, which Decap never validates) still stops the save, in
 * a toast naming the fields.
 */
export function refuseInvalidDraft({ entry }: { entry: ImmutableMap }): undefined {
  const collection = modelOf(entry.get("collection"));
  if (!collection) return undefined;
  const problems = [...draftIssues(collection, entry).map((issue) => messageAt(collection, issue, [])), ...translationIssues(collection, entry)];
  if (problems.length > 0) throw new Error(problems.join(" "));
  return undefined;
}
