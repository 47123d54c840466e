// One error class for invalid content. Its message lists every problem as `file: field.path: reason`, so an
// organizer who saved something wrong in Decap sees where, and the build stops.

export interface ContentIssue {
  /** Source file relative to the project root, e.g. content/consultations/fr/velo.md. */
  file: string;
  /** Field path, e.g. ["phases", 1, "end"]; empty for a whole-file problem. */
  path: (string | number)[];
  message: string;
}

export function formatPath(path: readonly (string | number | symbol)[]): string {
  return path
    .map((part, i) => (typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${String(part)}`))
    .join("");
}

export function formatIssue(issue: ContentIssue): string {
  return issue.path.length > 0 ? `${issue.file}: ${formatPath(issue.path)}: ${issue.message}` : `${issue.file}: ${issue.message}`;
}

export class ContentError extends Error {
  override name = "ContentError";
  constructor(
    readonly issues: ContentIssue[],
    options?: { cause?: unknown },
  ) {
    super(
      issues.length === 1
        ? formatIssue(issues[0]!)
        : `${issues.length} content problems:\n${issues.map((i) => `  ${formatIssue(i)}`).join("\n")}`,
      options,
    );
  }
}
