// What a rule reports: a code (its French and English sentences live in site/_lib/i18n/<lang>/content.json under
// content.rules.<code>), the field path in the entry's data, and the values the sentence names.

/** Codes the rules raise on an entry's data; the editor shows them at the field, the build names file and field. */
export const ruleCodes = [
  "required",
  "not_text",
  "not_boolean",
  "not_number",
  "not_list",
  "not_object",
  "unknown_field",
  "email",
  "url",
  "slug",
  "path",
  "link",
  "color",
  "datetime",
  "date",
  "integer",
  "too_small",
  "too_large",
  "option",
  "media",
  "relation_format",
  "polygon",
  "list_too_short",
  "unknown_type",
  "image_alt_missing",
  "phase_end_not_after_start",
  "phase_overlaps_previous",
  "module_twice",
  "event_end_before_start",
  "event_place_or_link",
  "contrast",
  "languages_without_fr",
  "slug_invalid",
  "page_slug_reserved",
  "relation_missing",
] as const;

/**
 * Codes only the loader raises, about files rather than their data: Decap always writes a readable French
 * Markdown file named from the slug in a language folder, so the editor cannot produce them.
 */
export const fileCodes = [
  "file_missing",
  "file_unreadable",
  "not_language_folder",
  "not_markdown",
  "translation_without_original",
] as const;

export type RuleCode = (typeof ruleCodes)[number];
export type FileCode = (typeof fileCodes)[number];
export type IssueCode = RuleCode | FileCode;

export type Path = (string | number)[];

/** A value a message names; `{ t: key }` is itself a message key, translated into the message's language. */
export type Param = string | number | { t: string };

export interface RuleIssue {
  path: Path;
  code: RuleCode;
  params?: Record<string, Param>;
}
