// Turns database errors into the AppError family. pg, PGlite and PostgREST all report the SQLSTATE as
// `code` and the text as `message`; the SQL actions raise their machine code as the message of SQLSTATE P0001.
import { AppError, type ErrorCode, isErrorCode } from "../http/errors.ts";
import type { ActionName } from "./port.ts";

const sqlStateCodes: Readonly<Record<string, ErrorCode>> = {
  "23505": "conflict", // unique_violation
  "23P01": "invalid_input", // exclusion_violation (e.g. overlapping phases in synced content)
  "23514": "invalid_input", // check_violation
  "23502": "invalid_input", // not_null_violation
  "23503": "not_found", // foreign_key_violation
};

/**
 * Class 22, data exception, is always about a value the caller sent: a NUL the server cannot store (22021),
 * a NUL escape in JSON (22P05), a bad uuid or number (22P02), a value too long (22001) or out of range.
 */
const dataExceptionClass = "22";

function sqlError(error: unknown): { code: string; message: string } | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === "string" && typeof message === "string" ? { code, message } : undefined;
}

/** The AppError for anything a call of `action` threw (or a PostgREST error body); `action` goes to the logs. */
export function toAppError(error: unknown, action?: ActionName): AppError {
  if (error instanceof AppError) return error;
  const sql = sqlError(error);
  if (sql?.code === "P0001" && isErrorCode(sql.message)) return new AppError(sql.message, { cause: error, action });
  const mapped = sql && (sql.code.startsWith(dataExceptionClass) ? "invalid_input" : sqlStateCodes[sql.code]);
  return new AppError(mapped ?? "internal", { cause: error, action });
}

/** Rejects a result that reports a refusal as `{ error: code }` (see DataPort.call); passes others through. */
export function unwrapResult<T>(result: unknown, action?: ActionName): T {
  if (typeof result === "object" && result !== null && "error" in result) {
    const code = (result as { error: unknown }).error;
    throw new AppError(typeof code === "string" && isErrorCode(code) ? code : "internal", { cause: result, action });
  }
  return result as T;
}
