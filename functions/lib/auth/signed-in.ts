// The answer once a mailed link or code is proven: the session cookie, the remembered sign-in address dropped,
// then JSON for fetch or back to where the citizen was.
import { backWithFlash, type RequestContext } from "../http/handler.ts";
import { json } from "../http/respond.ts";
import { sessionCookie } from "./cookie.ts";
import { clearEmailCookie } from "./email-cookie.ts";

/** What consume_sign_in_link and consume_sign_in_code return. */
export interface OpenedSession {
  citizen_id: string;
  session_id: string;
}

export function signedIn(ctx: RequestContext, session: OpenedSession): Response {
  const cookies = [sessionCookie(session.session_id), clearEmailCookie()];
  if (ctx.json) return json({ citizen: { id: session.citizen_id } }, 200, cookies.map((c) => ["set-cookie", c]));
  return backWithFlash(ctx, "signed_in", cookies);
}
