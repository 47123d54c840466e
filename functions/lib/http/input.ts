// One step for every state-changing request: same-origin proof, bounded body, then schema validation.
// The raw fields are kept on the context first, so a rejected form can be shown again with the citizen's text.
// Schemas use zod/mini, zod's tree-shakable API: the same checks at a twentieth of zod's weight in a bundle.
import * as z from "zod/mini";
import { hasControlCharacter, isVisibleText } from "../../../site/_lib/text/visible.ts";
import { bodyKindOf, citizenBodyLimit, readBody } from "./body.ts";
import { assertSameOrigin } from "./csrf.ts";
import { AppError, type ErrorDetails } from "./errors.ts";
import type { RequestContext } from "./handler.ts";
import { isLang } from "./lang.ts";
import { safeReturnTo } from "./return-to.ts";

function fieldCode(issue: z.core.$ZodIssue): string {
  if (issue.code === "custom" && typeof issue.params?.field === "string") return issue.params.field;
  if (issue.code === "too_big") return "too_long";
  if (issue.code === "too_small") return "required";
  if (issue.code === "invalid_type" && issue.input === undefined) return "required";
  return "invalid";
}

export function validationError(error: z.core.$ZodError): AppError {
  const details: ErrorDetails = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "body");
    details[field] ??= fieldCode(issue);
  }
  return new AppError("invalid_input", { details, cause: error });
}

export function parseWith<S extends z.ZodMiniType>(schema: S, data: unknown): z.output<S> {
  const result = z.safeParse(schema, data);
  if (!result.success) throw validationError(result.error);
  return result.data;
}

export async function readInput<S extends z.ZodMiniType>(
  ctx: RequestContext,
  schema: S,
  limit = citizenBodyLimit,
): Promise<z.output<S>> {
  if (bodyKindOf(ctx.req) === "json") ctx.json = true;
  assertSameOrigin(ctx.req);
  const body = await readBody(ctx.req, limit);
  ctx.input = body.data;
  if (isLang(body.data.lang)) ctx.lang = body.data.lang;
  ctx.returnTo = safeReturnTo(body.data.return_to, ctx.returnTo);
  return parseWith(schema, body.data);
}

/**
 * Text a citizen writes, under the one rule of site/_lib/text/visible.ts that the SQL checks also hold:
 * trimmed, at most `max` characters, no control character (LF alone in multi-line text, line breaks being
 * normalised by readBody), and not made only of invisible characters, which reads as a missing field.
 */
export function citizenText(options: { max?: number; multiline?: boolean } = {}) {
  const multiline = options.multiline ?? false;
  return z.string().check(
    z.trim(),
    z.minLength(1),
    z.maxLength(options.max ?? Number.POSITIVE_INFINITY),
    z.refine((text) => !hasControlCharacter(text, { multiline }), { params: { field: "invalid" } }),
    z.refine(isVisibleText, { params: { field: "required" } }),
  );
}

/** An optional one-line choice (a select's theme or district): absent, null or empty means none. */
export const optionalChoice = z.pipe(
  z.optional(z.union([z.literal(""), z.null(), citizenText()])),
  z.transform((v) => v || null),
);

/**
 * A query parameter under the same rule: absent or empty means none, anything else must be visible one-line
 * text, so a NUL or an invisible filter is a 400 before it reaches SQL.
 */
export function queryText(url: URL, name: string): string | null {
  return parseWith(z.object({ [name]: optionalChoice }), { [name]: url.searchParams.get(name) ?? undefined })[name] ?? null;
}

/** Numbers may come as JSON numbers or form strings; anything else is a wrong type. */
export const optionalNumber = z.pipe(
  z.transform((v: unknown) => (v === "" || v === null || v === undefined ? undefined : typeof v === "string" ? Number(v) : v)),
  z.optional(z.number()),
);

export const uuid = z.uuid();
