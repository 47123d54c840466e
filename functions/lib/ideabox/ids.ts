import { AppError } from "../http/errors.ts";
import type { RequestContext } from "../http/handler.ts";
import { uuid } from "../http/input.ts";

/** The :id path parameter; anything that is not a uuid cannot name a proposition. */
export function propositionIdOf(ctx: RequestContext): string {
  const parsed = uuid.safeParse(ctx.params.id);
  if (!parsed.success) throw new AppError("proposition_not_found");
  return parsed.data;
}
