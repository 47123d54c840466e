// Privacy: a citizen's export holds everything about them; deletion erases personal data and keeps the
// contributions, anonymized, so counts stay true.
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { openConsultation, signIn } from "../../functions/lib/db/testing.ts";
import { describeEachDatabase } from "./databases.ts";

describeEachDatabase("privacy", (port) => {
  it("exports the citizen's account, sessions, propositions, supports and comments", async () => {
    const db = port();
    const { slug } = await openConsultation(db);
    const citizen = await signIn(db);
    const { id } = await db.call<{ id: string }>("submit_proposition", {
      p_session_id: citizen.session_id, p_consultation_slug: slug, p_title: "À moi", p_body: "Mon idée",
    });
    await db.call("support_proposition", { p_session_id: citizen.session_id, p_proposition_id: id });
    await db.call("comment_proposition", { p_session_id: citizen.session_id, p_proposition_id: id, p_body: "Mon avis" });

    const data = await db.call<Record<string, unknown[]> & { citizen: Record<string, unknown> }>("export_citizen_data", {
      p_session_id: citizen.session_id,
    });
    expect(data.citizen).toMatchObject({ id: citizen.citizen_id, email: citizen.email });
    expect(data.identities).toEqual([expect.objectContaining({ provider: "email", subject: citizen.email })]);
    expect(data.sessions).toEqual([expect.objectContaining({ method: "email_link", user_agent: "vitest" })]);
    expect(data.sign_in_requests).toHaveLength(1);
    expect(data.propositions).toEqual([expect.objectContaining({ id, title: "À moi" })]);
    expect(data.supports).toEqual([expect.objectContaining({ proposition_id: id })]);
    expect(data.comments).toEqual([expect.objectContaining({ body: "Mon avis", status: "published" })]);
    expect(JSON.stringify(data)).not.toMatch(/token_hash|code_hash|ip_hash/);
  });

  it("deletes personal data, keeps anonymized contributions and counts, and ends every session", async () => {
    const db = port();
    const { slug } = await openConsultation(db);
    const citizen = await signIn(db);
    const { id } = await db.call<{ id: string }>("submit_proposition", {
      p_session_id: citizen.session_id, p_consultation_slug: slug, p_title: "Reste", p_body: "Après moi",
    });
    await db.call("support_proposition", { p_session_id: citizen.session_id, p_proposition_id: id });

    await expect(db.call("delete_citizen", { p_session_id: citizen.session_id })).resolves.toEqual({ deleted: true });

    const [row] = await db.sql("select email, display_name, deleted_at is not null as deleted from public.citizens where id = $1", [citizen.citizen_id]);
    expect(row).toEqual({ email: null, display_name: null, deleted: true });
    for (const table of ["identities", "sessions"]) {
      expect(await db.sql(`select 1 from public.${table} where citizen_id = $1`, [citizen.citizen_id]), table).toEqual([]);
    }
    expect(await db.sql("select 1 from public.sign_in_requests where email = $1", [citizen.email])).toEqual([]);
    await expect(db.call("touch_session", { p_session_id: citizen.session_id })).rejects.toMatchObject({ code: "session_expired" });
    await expect(db.call("get_proposition", { p_proposition_id: id })).resolves.toMatchObject({ supports_count: 1, author_name: null });
    await expect(db.call("export_citizen_data", { p_session_id: citizen.session_id })).rejects.toMatchObject({ code: "session_expired" });

    // The same address later starts afresh, as a new citizen.
    const again = await signIn(db, citizen.email);
    expect(again.citizen_id).not.toBe(citizen.citizen_id);
  });

  it("refuses an unknown session", async () => {
    await expect(port().call("delete_citizen", { p_session_id: randomUUID() })).rejects.toMatchObject({ code: "session_expired" });
  });
});
