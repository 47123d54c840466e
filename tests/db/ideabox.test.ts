// The idea box actions: each rule (open phase on the database clock, module settings, per-citizen maximum,
// themes and districts, comment depth) and its machine code; refusals leave no row behind.
import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { openConsultation, signIn, type SignedIn, type TestDataPort } from "../../functions/lib/db/testing.ts";
import { describeEachDatabase } from "./databases.ts";

type Proposition = { id: string; supports_count: number; comments_count: number; supported_by_me: boolean };
type Comment = { id: string; parent_id: string | null; replies?: Comment[] };

const submit = (db: TestDataPort, citizen: SignedIn, slug: string, extra: Record<string, unknown> = {}) =>
  db.call<Proposition>("submit_proposition", {
    p_session_id: citizen.session_id, p_consultation_slug: slug, p_title: "Des pistes cyclables", p_body: "Rue de la Gare.", ...extra,
  });

const countPropositions = async (db: TestDataPort, slug: string) =>
  Number((await db.sql<{ n: string }>(
    `select count(*) as n from public.propositions p join public.consultations c on c.id = p.consultation_id where c.slug = $1`,
    [slug],
  ))[0]!.n);

describeEachDatabase("submit_proposition", (port) => {
  let citizen: SignedIn;
  beforeAll(async () => {
    citizen = await signIn(port());
  });

  it("creates a published proposition with the citizen's point, theme and district", async () => {
    const db = port();
    const { slug } = await openConsultation(db);
    const created = await submit(db, citizen, slug, { p_title: "  Titre  ", p_theme: "mobilite", p_district: "Nord", p_lng: 2.35, p_lat: 48.85 });
    expect(created).toMatchObject({
      id: expect.any(String), consultation_slug: slug, title: "Titre", theme: "mobilite", district: "Nord", lng: 2.35, lat: 48.85,
      status: "published", supports_count: 0, comments_count: 0, supported_by_me: false, author_name: null,
    });
  });

  it("refuses, with its code, each broken rule and leaves no row", async () => {
    const db = port();
    const cases: [string, () => Promise<{ slug: string; extra?: Record<string, unknown> }>][] = [
      ["consultation_not_found", async () => ({ slug: "no-such-consultation" })],
      ["phase_closed", async () => ({ slug: (await openConsultation(db, { phase: "past" })).slug })],
      ["phase_closed", async () => ({ slug: (await openConsultation(db, { phase: "future" })).slug })],
      ["phase_closed", async () => ({ slug: (await openConsultation(db, { ideabox: null })).slug })],
      ["submissions_closed", async () => ({ slug: (await openConsultation(db, { ideabox: { submissions_open: false } })).slug })],
      ["invalid_theme", async () => ({ slug: (await openConsultation(db)).slug, extra: { p_theme: "culture" } })],
      ["invalid_district", async () => ({ slug: (await openConsultation(db)).slug, extra: { p_district: "Sud" } })],
      ["invalid_input", async () => ({ slug: (await openConsultation(db)).slug, extra: { p_title: "t".repeat(141) } })],
      ["invalid_input", async () => ({ slug: (await openConsultation(db)).slug, extra: { p_body: "b".repeat(5001) } })],
      ["invalid_input", async () => ({ slug: (await openConsultation(db)).slug, extra: { p_title: "   " } })],
      ["invalid_input", async () => ({ slug: (await openConsultation(db)).slug, extra: { p_lng: 2.35 } })],
      ["session_expired", async () => ({ slug: (await openConsultation(db)).slug, extra: { p_session_id: randomUUID() } })],
    ];
    for (const [code, arrange] of cases) {
      const { slug, extra } = await arrange();
      await expect(submit(db, citizen, slug, extra), `${code} ${JSON.stringify(extra)}`).rejects.toMatchObject({ code });
      expect(await countPropositions(db, slug)).toBe(0);
    }
  });

  it("stores a <script> title as plain text, escaping is the templates' job", async () => {
    const db = port();
    const { slug } = await openConsultation(db);
    await expect(submit(db, citizen, slug, { p_title: "<script>alert(1)</script>" })).resolves.toMatchObject({ title: "<script>alert(1)</script>" });
  });

  it("stops at max_propositions_per_citizen in the phase, for that citizen only", async () => {
    const db = port();
    const { slug } = await openConsultation(db, { ideabox: { max_propositions_per_citizen: 2 } });
    await submit(db, citizen, slug);
    await submit(db, citizen, slug);
    await expect(submit(db, citizen, slug)).rejects.toMatchObject({ code: "proposition_limit_reached", status: 409 });
    await expect(submit(db, await signIn(db), slug)).resolves.toBeDefined();
    expect(await countPropositions(db, slug)).toBe(3);
  });

  it("follows the database clock: a phase that has just ended refuses", async () => {
    const db = port();
    const { slug } = await openConsultation(db);
    await submit(db, citizen, slug);
    await db.sql(
      `update public.phases set ends_at = now() - interval '1 second'
        where consultation_id = (select id from public.consultations where slug = $1)`,
      [slug],
    );
    await expect(submit(db, citizen, slug)).rejects.toMatchObject({ code: "phase_closed" });
  });
});

describeEachDatabase("supports and comments", (port) => {
  let author: SignedIn;
  let reader: SignedIn;
  beforeAll(async () => {
    author = await signIn(port());
    reader = await signIn(port());
  });

  it("supports once, counts, and withdraws", async () => {
    const db = port();
    const { slug } = await openConsultation(db);
    const { id } = await submit(db, author, slug);
    const args = { p_session_id: reader.session_id, p_proposition_id: id };
    await expect(db.call("support_proposition", args)).resolves.toEqual({ proposition_id: id, supported: true, supports_count: 1 });
    await expect(db.call("support_proposition", args)).resolves.toEqual({ proposition_id: id, supported: true, supports_count: 1 });
    await db.call("support_proposition", { ...args, p_session_id: author.session_id });
    await expect(db.call("withdraw_support", args)).resolves.toEqual({ proposition_id: id, supported: false, supports_count: 1 });
    await expect(db.call("withdraw_support", args)).resolves.toEqual({ proposition_id: id, supported: false, supports_count: 1 });
  });

  it("refuses supports and withdrawals when supports are closed, and unknown propositions", async () => {
    const db = port();
    const { slug } = await openConsultation(db, { ideabox: { supports_open: false } });
    const { id } = await submit(db, author, slug);
    const args = { p_session_id: reader.session_id, p_proposition_id: id };
    await expect(db.call("support_proposition", args)).rejects.toMatchObject({ code: "supports_closed" });
    await expect(db.call("withdraw_support", args)).rejects.toMatchObject({ code: "supports_closed" });
    await expect(db.call("support_proposition", { ...args, p_proposition_id: randomUUID() })).rejects.toMatchObject({ code: "proposition_not_found" });
    await db.sql("update public.propositions set status = 'hidden' where id = $1", [id]);
    await expect(db.call("support_proposition", args)).rejects.toMatchObject({ code: "proposition_not_found" });
  });

  it("threads comments to depth 2 and refuses a reply to a reply", async () => {
    const db = port();
    const { slug } = await openConsultation(db);
    const { id } = await submit(db, author, slug);
    const comment = (extra: Record<string, unknown>) =>
      db.call<Comment>("comment_proposition", { p_session_id: reader.session_id, p_proposition_id: id, p_body: "D'accord", ...extra });
    const root = await comment({ p_alignment: "for" });
    const reply = await comment({ p_parent_id: root.id, p_alignment: "against" });
    expect(reply).toMatchObject({ parent_id: root.id, alignment: "against" });
    await expect(comment({ p_parent_id: reply.id })).rejects.toMatchObject({ code: "comment_too_deep", status: 400 });
    await expect(comment({ p_parent_id: randomUUID() })).rejects.toMatchObject({ code: "comment_not_found" });
    await expect(comment({ p_alignment: "maybe" })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(comment({ p_body: "c".repeat(2001) })).rejects.toMatchObject({ code: "invalid_input" });
    const other = await submit(db, author, slug);
    await expect(
      db.call("comment_proposition", { p_session_id: reader.session_id, p_proposition_id: other.id, p_parent_id: root.id, p_body: "Ailleurs" }),
    ).rejects.toMatchObject({ code: "comment_not_found" });
    const [{ n }] = (await db.sql<{ n: string }>("select count(*) as n from public.comments where proposition_id = $1", [id])) as [{ n: string }];
    expect(Number(n)).toBe(2);
  });

  it("refuses comments when comments are closed", async () => {
    const db = port();
    const { slug } = await openConsultation(db, { ideabox: { comments_open: false } });
    const { id } = await submit(db, author, slug);
    await expect(
      db.call("comment_proposition", { p_session_id: reader.session_id, p_proposition_id: id, p_body: "Fermé" }),
    ).rejects.toMatchObject({ code: "comments_closed" });
  });

  it("shows a proposition with its comments threaded, hiding moderated ones", async () => {
    const db = port();
    const { slug } = await openConsultation(db);
    const { id } = await submit(db, author, slug);
    const comment = (body: string, parent?: string) =>
      db.call<Comment>("comment_proposition", { p_session_id: reader.session_id, p_proposition_id: id, p_body: body, p_parent_id: parent });
    const first = await comment("Premier");
    const answer = await comment("Réponse", first.id);
    const second = await comment("Second");
    const hidden = await comment("Masqué");
    await db.sql("update public.comments set status = 'hidden' where id = $1", [hidden.id]);
    await db.call("support_proposition", { p_session_id: reader.session_id, p_proposition_id: id });

    const detail = await db.call<Proposition & { comments: Comment[] }>("get_proposition", { p_proposition_id: id, p_session_id: reader.session_id });
    expect(detail).toMatchObject({ id, supports_count: 1, comments_count: 3, supported_by_me: true });
    expect(detail.comments.map((c) => [c.id, (c.replies ?? []).map((r) => r.id)])).toEqual([[first.id, [answer.id]], [second.id, []]]);
    await expect(db.call("get_proposition", { p_proposition_id: id })).resolves.toMatchObject({ supported_by_me: false });
    await expect(db.call("get_proposition", { p_proposition_id: randomUUID() })).rejects.toMatchObject({ code: "proposition_not_found" });
  });
});

describeEachDatabase("list_propositions", (port) => {
  let slug: string;
  let ids: string[];
  let citizens: SignedIn[];
  beforeAll(async () => {
    const db = port();
    ({ slug } = await openConsultation(db));
    citizens = [await signIn(db), await signIn(db), await signIn(db)];
    ids = [];
    // Oldest first: a (mobilite, Centre, 0 supports), b (environnement, Nord, 2), c (mobilite, Nord, 1), d (hidden).
    for (const [theme, district] of [["mobilite", "Centre"], ["environnement", "Nord"], ["mobilite", "Nord"], ["mobilite", "Centre"]]) {
      ids.push((await submit(db, citizens[ids.length % 3]!, slug, { p_theme: theme, p_district: district })).id);
      await db.sql("update public.propositions set created_at = now() - interval '1 hour' * $2 where id = $1", [ids.at(-1), 10 - ids.length]);
    }
    for (const [citizen, proposition] of [[0, 1], [2, 1], [0, 2]] as const) {
      await db.call("support_proposition", { p_session_id: citizens[citizen]!.session_id, p_proposition_id: ids[proposition] });
    }
    await db.sql("update public.propositions set status = 'hidden' where id = $1", [ids[3]]);
  });

  type Page = { total: number; items: Proposition[] };
  const list = (extra: Record<string, unknown> = {}) => port().call<Page>("list_propositions", { p_consultation_slug: slug, ...extra });
  const order = (page: Page) => page.items.map((item) => ids.indexOf(item.id));

  it("lists visible propositions, most recent first by default", async () => {
    const page = await list();
    expect(page.total).toBe(3);
    expect(order(page)).toEqual([2, 1, 0]);
    expect(Object.keys(page.items[0]!).sort()).toEqual([
      "author_name", "body", "comments_count", "consultation_slug", "created_at", "district", "id", "lat", "lng",
      "status", "supported_by_me", "supports_count", "theme", "title",
    ]);
  });

  it("sorts by popularity, filters by theme or district, and pages", async () => {
    expect(order(await list({ p_sort: "popular" }))).toEqual([1, 2, 0]);
    expect(order(await list({ p_theme: "mobilite" }))).toEqual([2, 0]);
    expect(order(await list({ p_district: "Nord", p_sort: "popular" }))).toEqual([1, 2]);
    const second = await list({ p_sort: "popular", p_limit: 1, p_offset: 1 });
    expect([second.total, order(second)]).toEqual([3, [2]]);
  });

  it("flags what the citizen supports", async () => {
    const page = await list({ p_session_id: citizens[0]!.session_id });
    expect(page.items.filter((item) => item.supported_by_me).map((item) => ids.indexOf(item.id)).sort()).toEqual([1, 2]);
  });

  it("refuses unknown sorts, oversized pages and unknown consultations", async () => {
    await expect(list({ p_sort: "random" })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(list({ p_limit: 101 })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(list({ p_offset: -1 })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(list({ p_consultation_slug: "nope" })).rejects.toMatchObject({ code: "consultation_not_found" });
  });

  it("keeps a finished consultation's propositions readable", async () => {
    await port().sql(
      `update public.phases set starts_at = now() - interval '60 days', ends_at = now() - interval '1 day'
        where consultation_id = (select id from public.consultations where slug = $1)`,
      [slug],
    );
    expect((await list()).total).toBe(3);
  });
});

describeEachDatabase("build_snapshot", (port) => {
  type Page = { total: number; items: Proposition[] };
  type Snapshot = Record<string, Page>;
  let busy: string;
  let quiet: string;
  beforeAll(async () => {
    const db = port();
    ({ slug: busy } = await openConsultation(db));
    ({ slug: quiet } = await openConsultation(db));
    const citizen = await signIn(db);
    const ids: string[] = [];
    for (const title of ["Première", "Deuxième", "Cachée"]) ids.push((await submit(db, citizen, busy, { p_title: title })).id);
    await db.call("support_proposition", { p_session_id: citizen.session_id, p_proposition_id: ids[0] });
    await db.sql("update public.propositions set status = 'hidden' where id = $1", [ids[2]]);
  });

  it("gives every consultation the first page list_propositions serves, in one call", async () => {
    const db = port();
    for (const [sort, limit] of [["recent", 20], ["popular", 1]] as const) {
      const snapshot = await db.call<Snapshot>("build_snapshot", { p_sort: sort, p_limit: limit });
      for (const slug of [busy, quiet]) {
        expect(snapshot[slug], `${slug} ${sort}`).toEqual(
          await db.call<Page>("list_propositions", { p_consultation_slug: slug, p_sort: sort, p_limit: limit }),
        );
      }
    }
    const snapshot = await db.call<Snapshot>("build_snapshot", { p_sort: "recent", p_limit: 20 });
    expect(snapshot[busy]!.items.map((item) => item.supports_count)).toEqual([0, 1]);
    expect(snapshot[quiet]).toEqual({ total: 0, items: [], viewer: null });
  });

  it("refuses what list_propositions refuses", async () => {
    await expect(port().call("build_snapshot", { p_sort: "random", p_limit: 20 })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(port().call("build_snapshot", { p_sort: "recent", p_limit: 101 })).rejects.toMatchObject({ code: "invalid_input" });
  });
});
