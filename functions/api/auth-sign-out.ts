// POST { everywhere? }: ends this session, or every session of the citizen ("sign out everywhere").
// Only a live session may sign out everywhere: a dead cookie is dropped and its holder asked to sign in.
import type { Config } from "@netlify/functions";
import { clearSessionCookie, sessionIdFrom } from "../lib/auth/cookie.ts";
import { signOutInput } from "../lib/auth/schemas.ts";
import { getDataPort } from "../lib/db/index.ts";
import { AppError } from "../lib/http/errors.ts";
import { backWithFlash, handler } from "../lib/http/handler.ts";
import { readInput } from "../lib/http/input.ts";
import { errorJson, json, seeOther } from "../lib/http/respond.ts";
import { urls } from "../../templates/modules/ideabox/urls.ts";

export default handler({
  async POST(ctx) {
    const { everywhere } = await readInput(ctx, signOutInput);
    const sessionId = sessionIdFrom(ctx.req);
    const cookies = [clearSessionCookie()];
    let revoked = 0;
    if (sessionId) {
      const port = await getDataPort();
      try {
        ({ revoked } = await port.call<{ revoked: number }>("sign_out", { p_session_id: sessionId, p_everywhere: everywhere }));
      } catch (error) {
        if (!(error instanceof AppError && error.code === "session_expired")) throw error;
        if (!ctx.json) return seeOther(urls.signIn(ctx.lang, ctx.returnTo), cookies);
        const refused = errorJson(error, ctx.lang);
        refused.headers.append("set-cookie", cookies[0]!);
        return refused;
      }
    }
    if (ctx.json) return json({ revoked }, 200, cookies.map((c) => ["set-cookie", c]));
    return backWithFlash(ctx, everywhere ? "signed_out_everywhere" : "signed_out", cookies);
  },
});

export const config: Config = { path: "/api/auth/sign-out" };
