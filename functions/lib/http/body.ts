// Reads a citizen's request body under a size limit and returns a plain object, whether it came as JSON
// (fetch) or as an HTML form (application/x-www-form-urlencoded). Everything else is refused.
import { normaliseLineBreaks } from "../../../site/_lib/text/visible.ts";
import { AppError } from "./errors.ts";

export const citizenBodyLimit = 16 * 1024;

export type BodyKind = "json" | "form";

export interface ParsedBody {
  kind: BodyKind;
  data: Record<string, unknown>;
}

export function bodyKindOf(req: Request): BodyKind | null {
  const type = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "application/json" || type.endsWith("+json")) return "json";
  if (type === "application/x-www-form-urlencoded") return "form";
  return null;
}

/** Reads at most `limit` bytes; the Content-Length header is checked first but never trusted alone. */
async function readLimited(req: Request, limit: number): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > limit) throw new AppError("payload_too_large");
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new AppError("payload_too_large");
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch (cause) {
    throw new AppError("malformed_body", { cause });
  }
}

/**
 * A form sends a textarea's line breaks as CRLF, fetch sends them as typed: every field gets LF only before
 * any check, so both paths count the same length and the control-character rule sees one kind of break.
 */
function withLineBreaksNormalised(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(data).map(([name, value]) => [name, typeof value === "string" ? normaliseLineBreaks(value) : value]),
  );
}

function parseBody(req: Request, text: string): ParsedBody {
  const kind = bodyKindOf(req);
  if (kind === null) {
    // A bodiless POST (e.g. a fetch sign-out) carries no content type; treat it as an empty object.
    if (text === "" && !req.headers.get("content-type")) return { kind: "json", data: {} };
    throw new AppError("unsupported_media_type");
  }
  if (kind === "form") return { kind, data: Object.fromEntries(new URLSearchParams(text)) };
  if (text.trim() === "") return { kind, data: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new AppError("malformed_body", { cause });
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new AppError("invalid_input", { details: { body: "invalid" } });
  }
  return { kind, data: value as Record<string, unknown> };
}

export async function readBody(req: Request, limit = citizenBodyLimit): Promise<ParsedBody> {
  const { kind, data } = parseBody(req, await readLimited(req, limit));
  return { kind, data: withLineBreaksNormalised(data) };
}
