// The one error family of the functions: a machine code, an HTTP status and a message safe to show citizens.
// Anything that is not an AppError is turned into a plain 500 `internal` by the top-level wrapper.
import type { Lang } from "../../../site/_lib/content/types.ts";
import { t } from "../../../site/_lib/i18n/index.ts";

/** Every machine code, with its HTTP status (docs/ARCHITECTURE.md, "Errors"). */
export const errorStatus = {
  invalid_input: 400,
  malformed_body: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  csrf_failed: 403,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  consultation_not_found: 404,
  proposition_not_found: 404,
  comment_not_found: 404,
  conflict: 409,
  phase_closed: 409,
  submissions_closed: 409,
  supports_closed: 409,
  comments_closed: 409,
  proposition_limit_reached: 409,
  invalid_theme: 400,
  invalid_district: 400,
  comment_too_deep: 400,
  comment_rate_limited: 429,
  rate_limited: 429,
  sign_in_link_invalid: 400,
  sign_in_expired: 400,
  sign_in_code_invalid: 400,
  sign_in_too_many_attempts: 429,
  sign_in_code_rate_limited: 429,
  challenge_required: 429,
  session_expired: 401,
  method_not_allowed: 405,
  host_not_allowed: 421,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(errorStatus, value);
}

/** Field name → message key suffix (`errors.fields.<key>`), for `invalid_input`. */
export type ErrorDetails = Record<string, string>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: ErrorDetails | undefined;
  /** The SQL action whose call failed, for the failure log: set by the data port adapters. */
  readonly action: string | undefined;

  constructor(
    code: ErrorCode,
    options: { details?: ErrorDetails; cause?: unknown; message?: string; action?: string } = {},
  ) {
    super(options.message ?? t("fr", `errors.${code}`), { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.status = errorStatus[code];
    this.details = options.details;
    this.action = options.action;
  }

  /** The citizen-facing message in `lang` (the constructor's message is French, for logs). */
  messageIn(lang: Lang): string {
    return t(lang, `errors.${this.code}`);
  }
}
