// One log line per server failure (5xx), made only of fields that cannot hold personal data. pg and PGlite
// errors carry the query, its parameters and details such as « Key (email)=(…) », so the error object itself
// is never logged: what it says is reduced to an SQLSTATE and the name of the SQL action that failed (which
// the data port adapters record on the AppError).
import { type ActionName, actionNames } from "../db/port.ts";
import type { AppError } from "./errors.ts";

export interface FailureLine {
  request_id: string;
  /** Method and route pattern, e.g. `POST /api/propositions/:id/comments`. */
  route: string;
  action: ActionName | null;
  sqlstate: string | null;
  code: string;
}

/** The errors below `error` (its cause, the cause's cause…), a bounded walk. */
function* causes(error: AppError): Generator<Record<string, unknown>> {
  let current: unknown = error.cause;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    yield current as Record<string, unknown>;
    current = (current as { cause?: unknown }).cause;
  }
}

const sqlStateShape = /^[0-9A-Z]{5}$/;

function sqlStateOf(error: AppError): string | null {
  for (const cause of causes(error)) {
    if (typeof cause.code === "string" && sqlStateShape.test(cause.code)) return cause.code;
  }
  return null;
}

function isActionName(name: string | undefined): name is ActionName {
  return (actionNames as readonly string[]).includes(name ?? "");
}

/** `POST /api/propositions/:id/comments`: path parameters are named, not shown (anyone can type a slug). */
export function routeOf(method: string, url: URL, params: Record<string, string>): string {
  const names = new Map(Object.entries(params).map(([name, value]) => [value, name]));
  const segments = url.pathname.split("/").map((segment) => {
    let value = segment;
    try {
      value = decodeURIComponent(segment);
    } catch {
      // A malformed escape is no parameter value: the segment stays as sent.
    }
    const name = names.get(value);
    if (name === undefined) return segment;
    names.delete(value);
    return `:${name}`;
  });
  return `${method} ${segments.join("/")}`;
}

export function failureLine(requestId: string, route: string, error: AppError): FailureLine {
  // The data port adapters name the action they called; anything else (a bug outside SQL) has none.
  return { request_id: requestId, route, action: isActionName(error.action) ? error.action : null, sqlstate: sqlStateOf(error), code: error.code };
}

/** One JSON line on stderr, which Netlify keeps as the function's log. */
export function logFailure(line: FailureLine): void {
  console.error(JSON.stringify(line));
}
