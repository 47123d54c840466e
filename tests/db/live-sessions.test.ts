// Issue 6, point 7: a signed-out or expired session must not act. Before the fix, a revoked session's cookie could
// still "sign out everywhere" and revoke the citizen's newer sessions.
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { openConsultation, signIn } from "../../functions/lib/db/testing.ts";
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

// Issue 7, point 4: each session-bound action takes the session id and resolves the live citizen itself, in the
// same call, so no caller can act for a dead session by skipping a separate check.
type Fixture = { slug: string; propositionId: string };
const actingActions: Record<string, (session: string | null, fixture: Fixture) => Record<string, unknown>> = {
  submit_proposition: (session, { slug }) => ({ p_session_id: session, p_consultation_slug: slug, p_title: "Idée", p_body: "Texte" }),
  support_proposition: (session, { propositionId }) => ({ p_session_id: session, p_proposition_id: propositionId }),
  withdraw_support: (session, { propositionId }) => ({ p_session_id: session, p_proposition_id: propositionId }),
  comment_proposition: (session, { propositionId }) => ({ p_session_id: session, p_proposition_id: propositionId, p_body: "Avis" }),
  set_display_name: (session) => ({ p_session_id: session, p_display_name: "Camille" }),
  export_citizen_data: (session) => ({ p_session_id: session }),
  delete_citizen: (session) => ({ p_session_id: session }),
  touch_session: (session) => ({ p_session_id: session }),
};
type ActingAction = keyof typeof actingActions;

describeEachDatabase("actions resolve their own session", (port) => {
  async function fixture(): Promise<Fixture> {
    const db = port();
    const { slug } = await openConsultation(db, { ideabox: { max_propositions_per_citizen: 10 } });
    const author = await signIn(db);
    const { id } = await db.call<{ id: string }>("submit_proposition", {
      p_session_id: author.session_id, p_consultation_slug: slug, p_title: "Base", p_body: "Pour agir",
    });
    return { slug, propositionId: id };
  }

  const expire = (sessionId: string) =>
    port().sql(`update public.sessions set last_seen_at = now() - interval '31 days', expires_at = now() - interval '1 day' where id = $1`, [sessionId]);

  for (const action of Object.keys(actingActions) as ActingAction[]) {
    const call = (session: string | null, f: Fixture) => port().call(action as never, actingActions[action]!(session, f));

    it(`${action} refuses a revoked session itself`, async () => {
      const f = await fixture();
      const citizen = await signIn(port());
      await port().call("sign_out", { p_session_id: citizen.session_id });
      await expect(call(citizen.session_id, f)).rejects.toMatchObject({ code: "session_expired", status: 401 });
    });

    it(`${action} refuses an expired session and a missing one`, async () => {
      const f = await fixture();
      const citizen = await signIn(port());
      await expire(citizen.session_id);
      await expect(call(citizen.session_id, f)).rejects.toMatchObject({ code: "session_expired", status: 401 });
      await expect(call(randomUUID(), f)).rejects.toMatchObject({ code: "session_expired" });
      await expect(call(null, f)).rejects.toMatchObject({ code: "unauthenticated", status: 401 });
    });

    it(`${action} acts for a live session and slides its expiry`, async () => {
      const f = await fixture();
      const citizen = await signIn(port());
      await port().sql(
        `update public.sessions set last_seen_at = now() - interval '10 days', expires_at = now() + interval '20 days' where id = $1`,
        [citizen.session_id],
      );
      await expect(call(citizen.session_id, f)).resolves.toBeTruthy();
      const [session] = await port().sql<{ days: number | null }>(
        `select extract(day from expires_at - now())::int as days from public.sessions where id = $1`,
        [citizen.session_id],
      );
      // delete_citizen ends every session of the citizen instead.
      expect(session?.days ?? null).toBe(action === "delete_citizen" ? null : 29);
    });
  }

  it("reads name the live session's citizen as viewer, and read a dead session as nobody", async () => {
    const db = port();
    const f = await fixture();
    const live = await signIn(db);
    const dead = await signIn(db);
    await db.call("set_display_name", { p_session_id: live.session_id, p_display_name: "Lou" });
    await db.call("support_proposition", { p_session_id: live.session_id, p_proposition_id: f.propositionId });
    await db.call("support_proposition", { p_session_id: dead.session_id, p_proposition_id: f.propositionId });
    const { id: commentId } = await db.call<{ id: string }>("comment_proposition", {
      p_session_id: live.session_id, p_proposition_id: f.propositionId, p_body: "Racine",
    });
    await db.call("sign_out", { p_session_id: dead.session_id });

    type Read = { viewer: unknown; supported: boolean };
    const reads: Record<string, (session: string | null) => Promise<Read>> = {
      list_propositions: async (session) => {
        const page = await db.call<{ viewer: unknown; items: { supported_by_me: boolean }[] }>("list_propositions", {
          p_consultation_slug: f.slug, p_session_id: session,
        });
        return { viewer: page.viewer, supported: page.items[0]!.supported_by_me };
      },
      get_proposition: async (session) => {
        const detail = await db.call<{ viewer: unknown; supported_by_me: boolean }>("get_proposition", {
          p_proposition_id: f.propositionId, p_session_id: session,
        });
        return { viewer: detail.viewer, supported: detail.supported_by_me };
      },
      list_comment_replies: async (session) => {
        const replies = await db.call<{ viewer: unknown; proposition: { supported_by_me: boolean } }>("list_comment_replies", {
          p_comment_id: commentId, p_session_id: session,
        });
        return { viewer: replies.viewer, supported: replies.proposition.supported_by_me };
      },
    };
    for (const [name, read] of Object.entries(reads)) {
      await expect(read(live.session_id), name).resolves.toEqual({ viewer: { id: live.citizen_id, display_name: "Lou" }, supported: true });
      await expect(read(dead.session_id), name).resolves.toEqual({ viewer: null, supported: false });
      await expect(read(null), name).resolves.toEqual({ viewer: null, supported: false });
    }
  });
});
