// Issue 6, point 7: a signed-out or expired session must not act. Before the fix, a revoked session's cookie could
// still "sign out everywhere" and revoke the citizen's newer sessions.
import { expect, it } from "vitest";
import { signIn } from "../../functions/lib/db/testing.ts";
import { describeEachDatabase } from "./databases.ts";

type Session = { citizen_id: string; session_id: string };

describeEachDatabase("live sessions", (port) => {
  it("a revoked session cannot sign out everywhere, and the newer sessions stay", async () => {
    const db = port();
    const old = await signIn(db);
    await expect(db.call("sign_out", { p_session_id: old.session_id })).resolves.toEqual({ revoked: 1 });
    const newer = await signIn(db, old.email);

    await expect(db.call("sign_out", { p_session_id: old.session_id, p_everywhere: true })).rejects.toMatchObject({
      code: "session_expired",
      status: 401,
    });
    await expect(db.call<Session>("touch_session", { p_session_id: newer.session_id })).resolves.toMatchObject({
      citizen_id: old.citizen_id,
    });
  });

  it("an expired session cannot sign out everywhere", async () => {
    const db = port();
    const idle = await signIn(db);
    const live = await signIn(db, idle.email);
    await db.sql(
      `update public.sessions set last_seen_at = now() - interval '31 days', expires_at = now() - interval '1 day' where id = $1`,
      [idle.session_id],
    );
    await expect(db.call("sign_out", { p_session_id: idle.session_id, p_everywhere: true })).rejects.toMatchObject({
      code: "session_expired",
    });
    await expect(db.call("touch_session", { p_session_id: live.session_id })).resolves.toBeDefined();
  });

  it("signing a dead session out again changes nothing and does not fail", async () => {
    const db = port();
    const session = await signIn(db);
    await db.call("sign_out", { p_session_id: session.session_id });
    await expect(db.call("sign_out", { p_session_id: session.session_id })).resolves.toEqual({ revoked: 0 });
  });

  it("a live session still signs out everywhere", async () => {
    const db = port();
    const first = await signIn(db);
    const second = await signIn(db, first.email);
    await expect(db.call("sign_out", { p_session_id: first.session_id, p_everywhere: true })).resolves.toEqual({ revoked: 2 });
    await expect(db.call("touch_session", { p_session_id: second.session_id })).rejects.toMatchObject({ code: "session_expired" });
  });
});
