import { AppError } from "../http/errors.ts";
import type { RequestContext } from "../http/handler.ts";
import { uuid } from "../http/input.ts";

/** A uuid path parameter; anything else cannot name the row, so it is the row's not-found code. */
function idOf(ctx: RequestContext, param: string, notFound: "proposition_not_found" | "comment_not_found"): string {
  const parsed = uuid.safeParse(ctx.params[param]);
  if (!parsed.success) throw new AppError(notFound);
  return parsed.data;
}

/** The :id path parameter of a proposition's routes. */
export function propositionIdOf(ctx: RequestContext): string {
  return idOf(ctx, "id", "proposition_not_found");
}

/** The :comment path parameter of the replies routes. */
export function commentIdOf(ctx: RequestContext): string {
  return idOf(ctx, "comment", "comment_not_found");
}
