// Who is asking: the signed cookie names a session, and the session row (touched, so its 30 days slide)
// names the citizen. A forged, revoked or expired session is simply "nobody".
import type { Citizen } from "../../../templates/modules/ideabox/types.ts";
import { getDataPort } from "../db/index.ts";
import { AppError } from "../http/errors.ts";
import { sessionIdFrom } from "./cookie.ts";

export interface SignedInCitizen extends Citizen {
  sessionId: string;
}

interface TouchResult {
  citizen_id: string;
  display_name: string | null;
  session_id: string;
}

export async function currentCitizen(req: Request): Promise<SignedInCitizen | null> {
  const sessionId = sessionIdFrom(req);
  if (!sessionId) return null;
  try {
    const port = await getDataPort();
    const row = await port.call<TouchResult>("touch_session", { p_session_id: sessionId });
    return { id: row.citizen_id, displayName: row.display_name, sessionId: row.session_id };
  } catch (error) {
    if (error instanceof AppError && (error.code === "session_expired" || error.code === "invalid_input")) return null;
    throw error;
  }
}

export async function requireCitizen(req: Request): Promise<SignedInCitizen> {
  const citizen = await currentCitizen(req);
  if (!citizen) throw new AppError("unauthenticated");
  return citizen;
}
