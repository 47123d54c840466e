// One step for every state-changing request: same-origin proof, bounded body, then schema validation.
// The raw fields are kept on the context first, so a rejected form can be shown again with the citizen's text.
import { z } from "zod";
import { bodyKindOf, citizenBodyLimit, readBody } from "./body.ts";
import { assertSameOrigin } from "./csrf.ts";
import { AppError, type ErrorDetails } from "./errors.ts";
import type { RequestContext } from "./handler.ts";
import { isLang } from "./lang.ts";
import { safeReturnTo } from "./return-to.ts";

function fieldCode(issue: z.core.$ZodIssue): string {
  if (issue.code === "too_big") return "too_long";
  if (issue.code === "too_small") return "required";
  if (issue.code === "invalid_type" && issue.input === undefined) return "required";
  return "invalid";
}

export function validationError(error: z.ZodError): AppError {
  const details: ErrorDetails = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "body");
    details[field] ??= fieldCode(issue);
  }
  return new AppError("invalid_input", { details, cause: error });
}

export function parseWith<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw validationError(result.error);
  return result.data;
}

export async function readInput<S extends z.ZodType>(
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

/** Form fields arrive as strings: an empty select or text means "none". */
export const optionalText = z
  .union([z.string(), z.null()])
  .optional()
  .transform((v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : null));

/** Numbers may come as JSON numbers or form strings; anything else is a wrong type. */
export const optionalNumber = z.preprocess(
  (v) => (v === "" || v === null || v === undefined ? undefined : typeof v === "string" ? Number(v) : v),
  z.number().finite().optional(),
);

export const uuid = z.string().uuid();
