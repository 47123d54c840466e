// SQL level: each rule has its constraint, so it holds even for writes that bypass the actions.
import { beforeAll, expect, it } from "vitest";
import { ideaboxDefaults, openConsultation, signIn, type TestDataPort } from "../../functions/lib/db/testing.ts";
import { describeEachDatabase } from "./databases.ts";

describeEachDatabase("constraints", (port) => {
  let citizenId: string;
  let sessionId: string;
  let propositionId: string;
  let rootCommentId: string;

  beforeAll(async () => {
    const db = port();
    const { slug } = await openConsultation(db);
    ({ citizen_id: citizenId, session_id: sessionId } = await signIn(db));
    propositionId = (
      await db.call<{ id: string }>("submit_proposition", {
        p_session_id: sessionId, p_consultation_slug: slug, p_title: "Base", p_body: "Pour les contraintes",
      })
    ).id;
    rootCommentId = (
      await db.call<{ id: string }>("comment_proposition", {
        p_session_id: sessionId, p_proposition_id: propositionId, p_body: "Racine",
      })
    ).id;
  });

  const insertProposition = (db: TestDataPort, values: { title?: string; body?: string; lng?: number | null; lat?: number | null }) =>
    db.sql(
      `insert into public.propositions (consultation_id, citizen_id, title, body, lng, lat)
       select consultation_id, citizen_id, $2, $3, $4, $5 from public.propositions where id = $1`,
      [propositionId, values.title ?? "Titre", values.body ?? "Texte", values.lng ?? null, values.lat ?? null],
    );

  it("limits proposition titles to 140 characters and bodies to 5,000, and refuses blank ones", async () => {
    const db = port();
    await expect(insertProposition(db, { title: "t".repeat(140), body: "b".repeat(5000) })).resolves.toBeDefined();
    for (const values of [{ title: "t".repeat(141) }, { body: "b".repeat(5001) }, { title: "  \n " }, { body: "" }]) {
      await expect(insertProposition(db, values), JSON.stringify(values)).rejects.toMatchObject({ code: "23514" });
    }
  });

  it("keeps a map point whole and on the globe", async () => {
    const db = port();
    await expect(insertProposition(db, { lng: 2.35, lat: 48.85 })).resolves.toBeDefined();
    for (const values of [{ lng: 2.35 }, { lat: 48.85 }, { lng: 181, lat: 0 }, { lng: 0, lat: -91 }, { lng: Number.NaN, lat: 0 }]) {
      await expect(insertProposition(db, values), JSON.stringify(values)).rejects.toMatchObject({ code: "23514" });
    }
  });

  it("allows one support per citizen and proposition", async () => {
    const db = port();
    const insert = () =>
      db.sql("insert into public.supports (proposition_id, citizen_id) values ($1, $2)", [propositionId, citizenId]);
    await insert();
    await expect(insert()).rejects.toMatchObject({ code: "23505" });
  });

  it("threads comments two levels deep, within one proposition, up to 2,000 characters", async () => {
    const db = port();
    const insertComment = (parentId: string | null, body = "Réponse", onProposition = propositionId) =>
      db.sql<{ id: string }>(
        `insert into public.comments (proposition_id, parent_id, citizen_id, body) values ($1, $2, $3, $4) returning id`,
        [onProposition, parentId, citizenId, body],
      );
    const [reply] = await insertComment(rootCommentId);
    await expect(insertComment(reply!.id)).rejects.toMatchObject({ code: "23503" });
    const [other] = await db.sql<{ id: string }>(
      `insert into public.propositions (consultation_id, citizen_id, title, body)
       select consultation_id, citizen_id, 'Autre', 'Autre' from public.propositions where id = $1 returning id`,
      [propositionId],
    );
    await expect(insertComment(rootCommentId, "Ailleurs", other!.id)).rejects.toMatchObject({ code: "23503" });
    await expect(insertComment(null, "c".repeat(2001))).rejects.toMatchObject({ code: "23514" });
    await expect(insertComment(null, " ")).rejects.toMatchObject({ code: "23514" });
  });

  it("refuses malformed emails and citizens deleted with personal data left", async () => {
    const db = port();
    await expect(db.sql("insert into public.citizens (email) values ('not-an-email')")).rejects.toMatchObject({ code: "23514" });
    await expect(
      db.sql("insert into public.citizens (email, deleted_at) values ('gone@example.org', now())"),
    ).rejects.toMatchObject({ code: "23514" });
  });

  it("treats emails as case-insensitive for uniqueness", async () => {
    const db = port();
    await db.sql("insert into public.citizens (email) values ('Case@Example.org')");
    await expect(db.sql("insert into public.citizens (email) values ('case@example.ORG')")).rejects.toMatchObject({ code: "23505" });
  });

  describe_sync(port);
});

/** Phases come from content through sync_consultation, which must refuse impossible schedules. */
function describe_sync(port: () => TestDataPort) {
  const phase = (position: number, startDay: number, endDay: number, ideabox: unknown = ideaboxDefaults) => ({
    position,
    title: `Phase ${position}`,
    starts_at: new Date(Date.UTC(2027, 0, startDay)).toISOString(),
    ends_at: new Date(Date.UTC(2027, 0, endDay)).toISOString(),
    modules: { ideabox },
  });
  const sync = (slug: string, phases: unknown[]) =>
    port().call("sync_consultation", { p_consultation: { slug, title: "Phases", phases } });

  it("refuses overlapping phases of one consultation, and phases ending before they start", async () => {
    await expect(sync("phases-ok", [phase(0, 1, 10), phase(1, 10, 20)])).resolves.toMatchObject({ id: expect.any(String) });
    await expect(sync("phases-overlap", [phase(0, 1, 10), phase(1, 9, 20)])).rejects.toMatchObject({ code: "invalid_input" });
    await expect(sync("phases-backwards", [phase(0, 10, 1)])).rejects.toMatchObject({ code: "invalid_input" });
    await expect(sync("phases-twice", [phase(0, 1, 2), phase(0, 3, 4)])).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("lets a resync move phases past each other", async () => {
    await sync("phases-swap", [phase(0, 1, 10), phase(1, 10, 20)]);
    await expect(sync("phases-swap", [phase(0, 1, 15), phase(1, 15, 20)])).resolves.toBeDefined();
    const phases = await port().sql<{ position: number }>(
      `select position from public.phases p join public.consultations c on c.id = p.consultation_id
        where c.slug = 'phases-swap' order by position`,
    );
    expect(phases.map((row) => row.position)).toEqual([0, 1]);
  });

  it("refuses incomplete or out-of-range idea box settings", async () => {
    const { max_propositions_per_citizen: _, ...incomplete } = ideaboxDefaults;
    for (const settings of [incomplete, { ...ideaboxDefaults, max_propositions_per_citizen: 0 },
      { ...ideaboxDefaults, max_propositions_per_citizen: 2.5 }, { ...ideaboxDefaults, supports_open: "yes" }]) {
      await expect(sync("bad-settings", [phase(0, 1, 2, settings)]), JSON.stringify(settings)).rejects.toMatchObject({ code: "invalid_input" });
    }
  });
}
