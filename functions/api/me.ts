// GET: everything Parlons holds about the signed-in citizen (GDPR access and portability).
// DELETE (or POST action=delete&confirm=yes from the account page's form): erases the account; contributions
// stay, anonymized.
import type { Config } from "@netlify/functions";
import * as z from "zod/mini";
import { eraseInput } from "../lib/account/schemas.ts";
import { clearSessionCookie } from "../lib/auth/cookie.ts";
import { requireSession } from "../lib/auth/session.ts";
import { getDataPort } from "../lib/db/index.ts";
import { backWithFlash, handler, type RequestContext } from "../lib/http/handler.ts";
import { readInput } from "../lib/http/input.ts";
import { json } from "../lib/http/respond.ts";
import { formStateFrom } from "../lib/ideabox/form-state.ts";
import { accountResponse } from "../lib/pages/account.ts";

async function erase(ctx: RequestContext): Promise<Response> {
  const port = await getDataPort();
  const result = await port.call("delete_citizen", { p_session_id: requireSession(ctx.req) });
  const cookies = [clearSessionCookie()];
  if (ctx.json) return json(result, 200, cookies.map((c) => ["set-cookie", c]));
  return backWithFlash(ctx, "deleted", cookies);
}

export default handler({
  async GET(ctx) {
    const port = await getDataPort();
    const data = await port.call("export_citizen_data", { p_session_id: requireSession(ctx.req) });
    const download: Record<string, string> = ctx.json ? {} : { "content-disposition": 'attachment; filename="parlons-mes-donnees.json"' };
    return json(data, 200, download);
  },
  async DELETE(ctx) {
    await readInput(ctx, z.object({}));
    return erase(ctx);
  },
  async POST(ctx) {
    await readInput(ctx, eraseInput);
    return erase(ctx);
  },

  async formError(ctx, error) {
    const state = formStateFrom(ctx, error, ["confirm"]);
    return accountResponse(ctx, requireSession(ctx.req), { erase: state }, error.status);
  },
});

export const config: Config = { path: "/api/me" };
