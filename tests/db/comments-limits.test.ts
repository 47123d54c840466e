// Comment flooding (issue 6, point 6): at most 10 comments a rolling minute and 100 a rolling day per
// citizen, across propositions, even under parallel calls; and comments read a page at a time.
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { openConsultation, signIn, type TestDataPort } from "../../functions/lib/db/testing.ts";
import { describeEachDatabase } from "./databases.ts";

interface Comment { id: string; body: string; replies: Comment[]; replies_count: number; location?: { consultation_slug: string; page: number; replies_page: number | null } }
interface Paging { page: number; pages: number; page_size: number; total: number }

async function proposition(db: TestDataPort, slug?: string): Promise<{ id: string; slug: string }> {
  const consultation = slug ?? (await openConsultation(db)).slug;
  const author = await signIn(db);
  const { id } = await db.call<{ id: string }>("submit_proposition", {
    p_session_id: author.session_id, p_consultation_slug: consultation, p_title: "Sujet", p_body: "À discuter",
  });
  return { id, slug: consultation };
}

const countOf = async (db: TestDataPort, citizenId: string) =>
  Number((await db.sql<{ n: string }>("select count(*) as n from public.comments where citizen_id = $1", [citizenId]))[0]!.n);

/** Comments written as the owner, `minutesAgo` old, bypassing the action (and so its limit). */
async function backdate(db: TestDataPort, propositionId: string, citizenId: string, count: number, minutesAgo: number) {
  await db.sql(
    `insert into public.comments (proposition_id, citizen_id, body, created_at)
     select $1, $2, 'Ancien ' || n, now() - make_interval(mins => $4) from generate_series(1, $3) n`,
    [propositionId, citizenId, count, minutesAgo],
  );
}

describeEachDatabase(
  "comment rate limit",
  (port) => {
    it("allows 10 comments a minute across propositions, then answers comment_rate_limited (429)", async () => {
      const db = port();
      const first = await proposition(db);
      const second = await proposition(db, first.slug);
      const citizen = await signIn(db);
      const comment = (id: string) => db.call("comment_proposition", { p_session_id: citizen.session_id, p_proposition_id: id, p_body: "Encore" });
      for (let i = 0; i < 10; i++) await comment(i % 2 ? first.id : second.id);
      await expect(comment(first.id)).rejects.toMatchObject({ code: "comment_rate_limited", status: 429 });
      expect(await countOf(db, citizen.citizen_id)).toBe(10);
      // Another citizen is not held back by this one.
      const other = await signIn(db);
      await expect(db.call("comment_proposition", { p_session_id: other.session_id, p_proposition_id: first.id, p_body: "Moi" })).resolves.toBeTruthy();
      // A minute later the window has rolled on.
      await db.sql("update public.comments set created_at = created_at - interval '61 seconds' where citizen_id = $1", [citizen.citizen_id]);
      await expect(comment(first.id)).resolves.toBeTruthy();
    });

    it("allows 100 comments a rolling day, then refuses until the oldest is a day old", async () => {
      const db = port();
      const { id } = await proposition(db);
      const citizen = await signIn(db);
      const comment = () => db.call("comment_proposition", { p_session_id: citizen.session_id, p_proposition_id: id, p_body: "Encore" });
      await backdate(db, id, citizen.citizen_id, 99, 23 * 60);
      await comment();
      await expect(comment()).rejects.toMatchObject({ code: "comment_rate_limited" });
      expect(await countOf(db, citizen.citizen_id)).toBe(100);
      await db.sql("update public.comments set created_at = now() - interval '24 hours 1 minute' where citizen_id = $1 and body like 'Ancien%'", [citizen.citizen_id]);
      await expect(comment()).resolves.toBeTruthy();
    });

    it("lets exactly 10 of 60 parallel comments through", async () => {
      const db = port();
      const { id } = await proposition(db);
      const citizen = await signIn(db);
      const results = await Promise.allSettled(
        Array.from({ length: 60 }, (_, i) =>
          db.call("comment_proposition", { p_session_id: citizen.session_id, p_proposition_id: id, p_body: `Rafale ${i}` }),
        ),
      );
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
      const reasons = new Set(results.flatMap((r) => (r.status === "rejected" ? [r.reason.code] : [])));
      expect([...reasons]).toEqual(["comment_rate_limited"]);
      expect(await countOf(db, citizen.citizen_id)).toBe(10);
    });
  },
  { poolSize: 30 },
);

describeEachDatabase("comment pages", (port) => {
  /** `roots` root comments (0-based index in the body), the first of which gets `replies` replies, 1 s apart. */
  async function discussion(db: TestDataPort, roots: number, replies: number) {
    const p = await proposition(db);
    const citizen = await signIn(db);
    await db.sql(
      `insert into public.comments (proposition_id, citizen_id, body, created_at)
       select $1, $2, 'Racine ' || n, now() - interval '1 day' + make_interval(secs => n) from generate_series(0, $3 - 1) n`,
      [p.id, citizen.citizen_id, roots],
    );
    const [first] = await db.sql<{ id: string }>("select id from public.comments where proposition_id = $1 and body = 'Racine 0'", [p.id]);
    await db.sql(
      `insert into public.comments (proposition_id, parent_id, citizen_id, body, created_at)
       select $1, $2, $3, 'Réponse ' || n, now() - interval '1 hour' + make_interval(secs => n) from generate_series(0, $4 - 1) n`,
      [p.id, first!.id, citizen.citizen_id, replies],
    );
    return { ...p, rootId: first!.id, citizen };
  }

  const bodies = (items: { body?: string }[]) => items.map((c) => c.body);

  it("gives 20 roots a page, oldest first, each with its first 5 replies and its replies count", async () => {
    const db = port();
    const d = await discussion(db, 45, 7);
    const page = (n?: number) =>
      db.call<{ comments: (Comment & { body: string })[]; comments_page: Paging; comments_count: number }>("get_proposition", {
        p_proposition_id: d.id, ...(n === undefined ? {} : { p_page: n }),
      });
    const first = await page();
    expect(first.comments_page).toEqual({ page: 1, pages: 3, page_size: 20, total: 45, replies_shown: 5, reply_preview_length: 280 });
    expect(first.comments_count).toBe(52);
    expect(bodies(first.comments)).toEqual(Array.from({ length: 20 }, (_, i) => `Racine ${i}`));
    expect(bodies(first.comments[0]!.replies)).toEqual(["Réponse 0", "Réponse 1", "Réponse 2", "Réponse 3", "Réponse 4"]);
    expect(first.comments[0]!.replies_count).toBe(7);
    expect(first.comments[1]).toMatchObject({ replies: [], replies_count: 0 });
    const third = await page(3);
    expect(bodies(third.comments)).toEqual(Array.from({ length: 5 }, (_, i) => `Racine ${40 + i}`));
    // Past the end: the last page; below 1: refused.
    expect((await page(99)).comments_page.page).toBe(3);
    await expect(page(0)).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("shows the first replies as previews of at most 280 characters, cut at a word, the full text on the replies view", async () => {
    const db = port();
    const d = await discussion(db, 1, 0);
    const words = "abcdefghi ".repeat(200).trimEnd();
    const long = ["y".repeat(280), words, "x".repeat(2000)];
    await db.sql(
      `insert into public.comments (proposition_id, parent_id, citizen_id, body, created_at)
       select $1, $2, $3, b, now() - make_interval(secs => 10 - n) from unnest($4::text[]) with ordinality as t(b, n)`,
      [d.id, d.rootId, d.citizen.citizen_id, long],
    );
    const { comments } = await db.call<{ comments: { replies: { body: string; body_truncated: boolean }[] }[] }>("get_proposition", { p_proposition_id: d.id });
    expect(comments[0]!.replies.map((r) => [r.body, r.body_truncated])).toEqual([
      ["y".repeat(280), false],
      ["abcdefghi ".repeat(28).trimEnd(), true],
      ["x".repeat(280), true],
    ]);
    const { replies } = await db.call<{ replies: { body: string }[] }>("list_comment_replies", { p_comment_id: d.rootId });
    expect(bodies(replies)).toEqual(long);
  });

  it("pages a root's replies 20 at a time and refuses replies and hidden roots as a thread", async () => {
    const db = port();
    const d = await discussion(db, 2, 120);
    const replies = (id: string, n = 1) =>
      db.call<{ comment: Comment & { body: string }; replies: { body: string }[]; replies_page: Paging; proposition: { id: string } }>(
        "list_comment_replies", { p_comment_id: id, p_page: n },
      );
    const second = await replies(d.rootId, 2);
    expect(second.replies_page).toEqual({ page: 2, pages: 6, page_size: 20, total: 120 });
    expect(bodies(second.replies)).toEqual(Array.from({ length: 20 }, (_, i) => `Réponse ${20 + i}`));
    expect(second.comment).toMatchObject({ id: d.rootId, body: "Racine 0", replies_count: 120 });
    expect(second.proposition.id).toBe(d.id);
    const [reply] = await db.sql<{ id: string }>("select id from public.comments where parent_id = $1 limit 1", [d.rootId]);
    await expect(replies(reply!.id)).rejects.toMatchObject({ code: "comment_not_found" });
    await expect(replies(randomUUID())).rejects.toMatchObject({ code: "comment_not_found" });
    await db.sql("update public.comments set status = 'hidden' where id = $1", [d.rootId]);
    await expect(replies(d.rootId)).rejects.toMatchObject({ code: "comment_not_found" });
  });

  it("says where a new comment shows: its page, and for a late reply the replies page", async () => {
    const db = port();
    const d = await discussion(db, 41, 55);
    const writer = await signIn(db);
    const post = (parent?: string) =>
      db.call<Comment>("comment_proposition", { p_session_id: writer.session_id, p_proposition_id: d.id, p_body: "Nouveau", p_parent_id: parent ?? null });
    expect((await post()).location).toEqual({ consultation_slug: d.slug, page: 3, replies_page: null });
    expect((await post(d.rootId)).location).toEqual({ consultation_slug: d.slug, page: 1, replies_page: 3 });
    const [second] = await db.sql<{ id: string }>("select id from public.comments where proposition_id = $1 and body = 'Racine 1'", [d.id]);
    expect((await post(second!.id)).location).toEqual({ consultation_slug: d.slug, page: 1, replies_page: null });
  });
});
