// POST { action: support | withdraw } or DELETE: a signed-in citizen backs a proposition or takes it back.
import type { Config } from "@netlify/functions";
import { requireSession } from "../lib/auth/session.ts";
import { getDataPort } from "../lib/db/index.ts";
import { backWithFlash, handler, type RequestContext } from "../lib/http/handler.ts";
import { propositionIdOf } from "../lib/ideabox/ids.ts";
import { readInput } from "../lib/http/input.ts";
import { json } from "../lib/http/respond.ts";
import { supportInput } from "../lib/ideabox/schemas.ts";

async function act(ctx: RequestContext, action: "support" | "withdraw"): Promise<Response> {
  const id = propositionIdOf(ctx);
  const port = await getDataPort();
  const result = await port.call(action === "support" ? "support_proposition" : "withdraw_support", {
    p_session_id: requireSession(ctx.req),
    p_proposition_id: id,
  });
  if (ctx.json) return json(result);
  return backWithFlash(ctx, action === "support" ? "supported" : "withdrawn");
}

export default handler({
  async POST(ctx) {
    const { action } = await readInput(ctx, supportInput);
    return act(ctx, action);
  },
  async DELETE(ctx) {
    await readInput(ctx, supportInput);
    return act(ctx, "withdraw");
  },
});

export const config: Config = { path: "/api/propositions/:id/support" };
