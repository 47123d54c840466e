// Who is asking. The signed cookie names a session; the SQL action that acts takes that session id and resolves
// the live citizen itself (revoked or expired: session_expired), in the same call, so a request costs one round
// trip. Only a request with nothing else to ask the database (GET /api/session) calls touch_session.
import type { Citizen } from "../../../templates/modules/ideabox/types.ts";
import { getDataPort } from "../db/index.ts";
import { AppError } from "../http/errors.ts";
import { sessionIdFrom } from "./cookie.ts";

/** The session id of a correctly signed cookie, for an action that needs one; none is `unauthenticated`. */
export function requireSession(req: Request): string {
  const sessionId = sessionIdFrom(req);
  if (!sessionId) throw new AppError("unauthenticated");
  return sessionId;
}

interface TouchResult {
  citizen_id: string;
  display_name: string | null;
}

/** The citizen of the cookie's live session (its expiry slides), or null: a forged, revoked or expired one is nobody. */
export async function currentCitizen(req: Request): Promise<Citizen | null> {
  const sessionId = sessionIdFrom(req);
  if (!sessionId) return null;
  try {
    const port = await getDataPort();
    const row = await port.call<TouchResult>("touch_session", { p_session_id: sessionId });
    return { id: row.citizen_id, displayName: row.display_name };
  } catch (error) {
    if (error instanceof AppError && (error.code === "session_expired" || error.code === "invalid_input")) return null;
    throw error;
  }
}
