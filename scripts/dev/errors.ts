// The local servers' own refusals (wrong Host, body too large, malformed path, no such file…) in the functions'
// documented error shape `{ error: { code, message } }`, so a client handles them like any function error.
import type { ServerResponse } from "node:http";
import { AppError, type ErrorCode } from "../../functions/lib/http/errors.ts";
import { errorJson } from "../../functions/lib/http/respond.ts";

export async function sendError(res: ServerResponse, code: ErrorCode, headers: Record<string, string> = {}): Promise<void> {
  const response = errorJson(new AppError(code), "fr");
  res.writeHead(response.status, { ...Object.fromEntries(response.headers), ...headers });
  res.end(await response.text());
}
