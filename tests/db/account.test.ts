// The account's display name: trimmed, at most 60 characters, no control or invisible characters, cleared by
// a blank; it signs the citizen's propositions and comments.
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { openConsultation, signIn } from "../../functions/lib/db/testing.ts";
import { describeEachDatabase } from "./databases.ts";

describeEachDatabase("account", (port) => {
  const nameOf = async (citizenId: string) =>
    (await port().sql<{ display_name: string | null }>("select display_name from public.citizens where id = $1", [citizenId]))[0]!.display_name;

  it("sets a trimmed name that then signs the citizen's propositions and comments", async () => {
    const db = port();
    const { slug } = await openConsultation(db);
    const citizen = await signIn(db);
    await expect(
      db.call("set_display_name", { p_session_id: citizen.session_id, p_display_name: " \t Camille D.\n " }),
    ).resolves.toEqual({ display_name: "Camille D." });
    const { id } = await db.call<{ id: string; author_name: string }>("submit_proposition", {
      p_session_id: citizen.session_id, p_consultation_slug: slug, p_title: "Signée", p_body: "Par Camille",
    });
    await db.call("comment_proposition", { p_session_id: citizen.session_id, p_proposition_id: id, p_body: "Et commentée" });
    const list = await db.call<{ items: { id: string; author_name: string | null }[] }>("list_propositions", { p_consultation_slug: slug });
    expect(list.items.find((item) => item.id === id)?.author_name).toBe("Camille D.");
    const detail = await db.call<{ comments: { author_name: string | null }[] }>("get_proposition", { p_proposition_id: id });
    expect(detail.comments[0]?.author_name).toBe("Camille D.");
    await expect(db.call("touch_session", { p_session_id: citizen.session_id })).resolves.toMatchObject({ display_name: "Camille D." });
  });

  it("clears the name with null, an empty or a blank value", async () => {
    const db = port();
    const { citizen_id, session_id } = await signIn(db);
    for (const blank of [null, "", "   \t "]) {
      await db.call("set_display_name", { p_session_id: session_id, p_display_name: "Dominique" });
      await expect(db.call("set_display_name", { p_session_id: session_id, p_display_name: blank }), JSON.stringify(blank))
        .resolves.toEqual({ display_name: null });
      expect(await nameOf(citizen_id)).toBeNull();
    }
  });

  it("accepts 60 characters, refuses 61, and refuses control and invisible characters", async () => {
    const db = port();
    const { citizen_id, session_id } = await signIn(db);
    const sixty = "é".repeat(60);
    await expect(db.call("set_display_name", { p_session_id: session_id, p_display_name: sixty })).resolves.toEqual({ display_name: sixty });
    for (const bad of ["é".repeat(61), "Alain\u0007", "Al\nain", "Al\u0085ain", "Alain\u202eniatsirhC", "Al\u200bain", "\ufeffAlain"]) {
      await expect(db.call("set_display_name", { p_session_id: session_id, p_display_name: bad }), JSON.stringify(bad))
        .rejects.toMatchObject({ code: "invalid_input", status: 400 });
    }
    expect(await nameOf(citizen_id)).toBe(sixty);
  });

  it("holds the same rule for writes that bypass the action", async () => {
    const db = port();
    const { citizen_id } = await signIn(db);
    for (const bad of ["x".repeat(61), " padded ", "tab\there", ""]) {
      await expect(db.sql("update public.citizens set display_name = $2 where id = $1", [citizen_id, bad]), JSON.stringify(bad))
        .rejects.toMatchObject({ code: "23514" });
    }
    await expect(db.sql("update public.citizens set display_name = null where id = $1", [citizen_id])).resolves.toBeDefined();
  });

  it("refuses an unknown session or a deleted citizen's", async () => {
    const db = port();
    await expect(db.call("set_display_name", { p_session_id: randomUUID(), p_display_name: "Fantôme" }))
      .rejects.toMatchObject({ code: "session_expired" });
    const { session_id } = await signIn(db);
    await db.call("delete_citizen", { p_session_id: session_id });
    await expect(db.call("set_display_name", { p_session_id: session_id, p_display_name: "Revenant" }))
      .rejects.toMatchObject({ code: "session_expired" });
  });

  for (const role of ["anon", "authenticated"] as const) {
    it(`refuses ${role} calling set_display_name`, async () => {
      await expect(
        port().sqlAs(role, "select public.set_display_name(p_session_id => $1, p_display_name => 'Intrus')", [randomUUID()]),
      ).rejects.toMatchObject({ code: "42501" });
    });
  }

  it("lets service_role call it", async () => {
    const db = port();
    const { session_id } = await signIn(db);
    const [row] = await db.sqlAs<{ result: unknown }>(
      "service_role", "select public.set_display_name(p_session_id => $1, p_display_name => 'Par le service') as result", [session_id],
    );
    expect(row!.result).toEqual({ display_name: "Par le service" });
  });
});
