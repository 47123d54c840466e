// POST { display_name }: the name shown with the citizen's propositions and comments; empty clears it.
import type { Config } from "@netlify/functions";
import { displayNameInput } from "../lib/account/schemas.ts";
import { requireSession } from "../lib/auth/session.ts";
import { getDataPort } from "../lib/db/index.ts";
import { backWithFlash, handler } from "../lib/http/handler.ts";
import { readInput } from "../lib/http/input.ts";
import { json } from "../lib/http/respond.ts";
import { formStateFrom } from "../lib/ideabox/form-state.ts";
import { accountResponse } from "../lib/pages/account.ts";

export default handler({
  async POST(ctx) {
    const { display_name } = await readInput(ctx, displayNameInput);
    const port = await getDataPort();
    const result = await port.call<{ display_name: string | null }>("set_display_name", {
      p_session_id: requireSession(ctx.req),
      p_display_name: display_name,
    });
    if (ctx.json) return json(result);
    return backWithFlash(ctx, result.display_name ? "display_name_saved" : "display_name_cleared");
  },

  async formError(ctx, error) {
    const state = formStateFrom(ctx, error, ["display_name"]);
    return accountResponse(ctx, requireSession(ctx.req), { name: state }, error.status);
  },
});

export const config: Config = { path: "/api/me/display-name" };
