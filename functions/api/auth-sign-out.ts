// POST { everywhere? }: ends this session, or every session of the citizen ("sign out everywhere").
import type { Config } from "@netlify/functions";
import { clearSessionCookie, sessionIdFrom } from "../lib/auth/cookie.ts";
import { signOutInput } from "../lib/auth/schemas.ts";
import { getDataPort } from "../lib/db/index.ts";
import { backWithFlash, handler } from "../lib/http/handler.ts";
import { readInput } from "../lib/http/input.ts";
import { json } from "../lib/http/respond.ts";

export default handler({
  async POST(ctx) {
    const { everywhere } = await readInput(ctx, signOutInput);
    const sessionId = sessionIdFrom(ctx.req);
    let revoked = 0;
    if (sessionId) {
      const port = await getDataPort();
      ({ revoked } = await port.call<{ revoked: number }>("sign_out", { p_session_id: sessionId, p_everywhere: everywhere }));
    }
    const cookies = [clearSessionCookie()];
    if (ctx.json) return json({ revoked }, 200, cookies.map((c) => ["set-cookie", c]));
    return backWithFlash(ctx, everywhere ? "signed_out_everywhere" : "signed_out", cookies);
  },
});

export const config: Config = { path: "/api/auth/sign-out" };
