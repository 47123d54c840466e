// A failed plain form, ready to be shown again: the citizen's own text, and each error next to its field.
import type { FormState } from "../../../templates/modules/ideabox/types.ts";
import type { AppError } from "../http/errors.ts";
import type { RequestContext } from "../http/handler.ts";
import { fieldMessages } from "../http/respond.ts";

/** Domain refusals that concern one field, so the summary can link to it. */
const fieldOfCode: Partial<Record<AppError["code"], string>> = {
  invalid_theme: "theme",
  invalid_district: "district",
  sign_in_code_invalid: "code",
};

export function formStateFrom(ctx: RequestContext, error: AppError, fields: string[]): FormState {
  const values: Record<string, string> = {};
  for (const name of fields) {
    const value = ctx.input?.[name];
    if (typeof value === "string") values[name] = value;
  }
  const errors = Object.fromEntries(
    Object.entries(fieldMessages(error, ctx.lang)).filter(([name]) => fields.includes(name)),
  );
  const field = fieldOfCode[error.code];
  if (field && fields.includes(field)) errors[field] = error.messageIn(ctx.lang);
  const placed = Object.keys(errors).length > 0;
  return { values, errors, ...(placed ? {} : { summary: error.messageIn(ctx.lang) }) };
}
