// Builds the one statement the SQL adapters (PGlite, pg) run for an action, with named arguments so it
// receives exactly the object supabase.rpc would send.
import { type ActionArgs, type ActionName, actionNames } from "./port.ts";

const argName = /^p_[a-z][a-z0-9_]{0,40}$/;

/** JSON-shaped values travel as JSON text, which the function's jsonb or scalar parameter then parses. */
function parameter(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object" && value !== null) return JSON.stringify(value);
  return value;
}

/** `select public.<action>(p_a => $1, …) as result`, refusing names that are not actions or p_ arguments. */
export function actionStatement(action: ActionName, args: ActionArgs): { text: string; values: unknown[] } {
  if (!(actionNames as readonly string[]).includes(action)) throw new Error(`Unknown SQL action: ${action}`);
  const entries = Object.entries(args).filter(([, value]) => value !== undefined);
  const named = entries.map(([name], index) => {
    if (!argName.test(name)) throw new Error(`Bad argument name for ${action}: ${name}`);
    return `${name} => $${index + 1}`;
  });
  return {
    text: `select public.${action}(${named.join(", ")}) as result`,
    values: entries.map(([, value]) => parameter(value)),
  };
}
