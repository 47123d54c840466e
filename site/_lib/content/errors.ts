// One error class for invalid content. Each problem is a French sentence naming the entry (its title and file)
// and the field by the label the editor shows, so an organizer reading the build log finds it in /admin.
import { t } from "../i18n/index.ts";
import type { Collection } from "./model/index.ts";
import { issueMessage, labelTrail, type IssueCode, type Param, type Path } from "./rules/index.ts";

export interface ContentIssue {
  /** Source file relative to the project root, e.g. content/consultations/fr/velo.md. */
  file: string;
  /** Field path, e.g. ["phases", 1, "end"]; empty for a whole-file problem. */
  path: Path;
  code: IssueCode;
  /** The sentence, in French. */
  message: string;
}

/** What the build shows but the organizer should complete (a partial translation, a theme without English name). */
export interface ContentWarning {
  file: string;
  path: Path;
  /** In English, for the build log. */
  message: string;
}

export function formatPath(path: Path): string {
  return path.map((part, i) => (typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${part}`)).join("");
}

export function formatWarning({ file, path, message }: ContentWarning): string {
  return path.length > 0 ? `${file}: ${formatPath(path)}: ${message}` : `${file}: ${message}`;
}

export interface IssueSource {
  file: string;
  /** The entry's collection and data, when the file was read, to name the entry and its fields. */
  collection?: Collection;
  data?: Record<string, unknown>;
}

function entryName({ file, collection, data }: IssueSource): string {
  if (!collection) return file;
  const title = collection.type === "folder" ? data?.[collection.identifierField] : undefined;
  const name = collection.type === "folder" ? collection.labelSingular : collection.label;
  return typeof title === "string" && title.trim() !== ""
    ? t("fr", "content.entry", { collection: name, title: title.trim(), file })
    : t("fr", "content.entryUntitled", { collection: name, file });
}

export function contentIssue(source: IssueSource, code: IssueCode, path: Path = [], params: Record<string, Param> = {}): ContentIssue {
  const label = source.collection ? labelTrail(source.collection.fields, path, "fr") : "";
  const message = t("fr", "content.issue", { entry: entryName(source), message: issueMessage("fr", code, params, label) });
  return { file: source.file, path, code, message };
}

export class ContentError extends Error {
  override name = "ContentError";
  constructor(
    readonly issues: ContentIssue[],
    options?: { cause?: unknown },
  ) {
    super(
      issues.length === 1
        ? issues[0]!.message
        : `${t("fr", "content.problems", { count: issues.length })}\n${issues.map((i) => `  ${i.message}`).join("\n")}`,
      options,
    );
  }
}
