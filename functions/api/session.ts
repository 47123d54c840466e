// GET: who is signed in, for the client and the dev tools: { citizen: { id, display_name } | null }.
import type { Config } from "@netlify/functions";
import { clearSessionCookie, sessionCookieName } from "../lib/auth/cookie.ts";
import { currentCitizen } from "../lib/auth/session.ts";
import { readCookie } from "../lib/http/cookies.ts";
import { handler } from "../lib/http/handler.ts";
import { json } from "../lib/http/respond.ts";

export default handler({
  async GET(ctx) {
    const citizen = await currentCitizen(ctx.req);
    if (citizen) return json({ citizen: { id: citizen.id, display_name: citizen.displayName } });
    // A cookie that no longer names a live session is dropped, so the browser stops sending it.
    const stale = readCookie(ctx.req, sessionCookieName) !== null;
    return json({ citizen: null }, 200, stale ? [["set-cookie", clearSessionCookie()]] : []);
  },
});

export const config: Config = { path: "/api/session" };
