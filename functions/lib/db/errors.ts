// Turns database errors into the AppError family. pg, PGlite and PostgREST all report the SQLSTATE as
// `code` and the text as `message`; the SQL actions raise their machine code as the message of SQLSTATE P0001.
import { AppError, type ErrorCode, isErrorCode } from "../http/errors.ts";

const sqlStateCodes: Readonly<Record<string, ErrorCode>> = {
  "23505": "conflict", // unique_violation
  "23P01": "invalid_input", // exclusion_violation (e.g. overlapping phases in synced content)
  "23514": "invalid_input", // check_violation
  "22001": "invalid_input", // string_data_right_truncation
  "22P02": "invalid_input", // invalid_text_representation (bad uuid, enum value, number)
  "22003": "invalid_input", // numeric_value_out_of_range
  "22007": "invalid_input", // invalid_datetime_format
  "22008": "invalid_input", // datetime_field_overflow
  "23502": "invalid_input", // not_null_violation
  "23503": "not_found", // foreign_key_violation
};

function sqlError(error: unknown): { code: string; message: string } | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === "string" && typeof message === "string" ? { code, message } : undefined;
}

/** The AppError for anything a database call threw (or a PostgREST error body). */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const sql = sqlError(error);
  if (sql?.code === "P0001" && isErrorCode(sql.message)) return new AppError(sql.message, { cause: error });
  const mapped = sql && sqlStateCodes[sql.code];
  return new AppError(mapped ?? "internal", { cause: error });
}

/** Rejects a result that reports a refusal as `{ error: code }` (see DataPort.call); passes others through. */
export function unwrapResult<T>(result: unknown): T {
  if (typeof result === "object" && result !== null && "error" in result) {
    const code = (result as { error: unknown }).error;
    throw new AppError(typeof code === "string" && isErrorCode(code) ? code : "internal", { cause: result });
  }
  return result as T;
}
