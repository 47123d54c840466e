// Comment pages at their worst (issue 6, point 6): every comment at the SQL limit (2,000 characters) of
// poorly compressible text, the proposition at its limits (140-character title, 5,000-character text), authors
// with 80-character names. Each view still stays under 60 KB gzip, in JSON, fragment and no-JS page.
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import * as replies from "../../functions/api/comment-replies.ts";
import * as repliesPage from "../../functions/api/page-comment-replies.ts";
import * as detailPage from "../../functions/api/page-proposition.ts";
import * as proposition from "../../functions/api/proposition.ts";
import * as propositions from "../../functions/api/propositions.ts";
import { slugs, startHarness, type Harness } from "../../functions/lib/testing/harness.ts";
import { type Entry, invoke, request } from "../../functions/lib/testing/requests.ts";
import { signedInCookie } from "../../functions/lib/testing/sign-in.ts";

let h: Harness;
let id: string;
let root: string;
const limit = 2000;

/** `chars` characters of hexadecimal words (md5 of seed-i), which gzip compresses less than prose. */
const hexText = (seed: string, chars: number) =>
  `(select substr(string_agg(md5((${seed})::text || '-' || i), ' '), 1, ${chars}) from generate_series(1, ${Math.ceil(chars / 33)}) i)`;

beforeAll(async () => {
  h = await startHarness();
  const res = await invoke(propositions, request(`/api/consultations/${slugs.open}/propositions`, {
    json: { title: "Au plus long", body: "Provisoire.", theme: "", district: "" }, cookie: await signedInCookie(),
  }));
  expect(res.status, await res.clone().text()).toBe(201);
  id = ((await res.json()) as { proposition: { id: string } }).proposition.id;
  await h.port.db.query(`update public.propositions set title = ${hexText("'t'", 140)}, body = ${hexText("'b'", 5000)} where id = $1`, [id]);
  const { rows: authors } = await h.port.db.query<{ id: string }>(
    `insert into public.citizens (email, display_name)
     select 'long-' || n || '-' || gen_random_uuid() || '@exemple.fr', ${hexText("'name-' || n", 60)} from generate_series(1, 4) n returning id`,
  );
  const ids = authors.map((a) => a.id);
  // 60 roots (3 pages of 20), each with 5 replies, and 95 more on the first root (its replies view is full).
  await h.port.db.query(
    `insert into public.comments (proposition_id, citizen_id, body, alignment, created_at)
     select $1, ($2::uuid[])[1 + n % 4], ${hexText("'root-' || n", limit)}, 'against', now() - interval '1 day' + make_interval(secs => n)
       from generate_series(1, 60) n`,
    [id, ids],
  );
  await h.port.db.query(
    `insert into public.comments (proposition_id, parent_id, citizen_id, body, alignment, created_at)
     select r.proposition_id, r.id, r.citizen_id, ${hexText("'reply-' || r.id || '-' || k", limit)}, 'neutral',
            now() - interval '1 hour' + make_interval(secs => k)
       from (select c.*, row_number() over (order by c.created_at, c.id) as rank
               from public.comments c where c.proposition_id = $1 and c.parent_id is null) r,
            generate_series(1, 100) k
      where k <= 5 or r.rank = 1`,
    [id],
  );
  root = (await h.port.db.query<{ id: string }>(
    "select id from public.comments where proposition_id = $1 and parent_id is null order by created_at, id limit 1", [id],
  )).rows[0]!.id;
  expect(await h.count("comments", "proposition_id = $1 and char_length(body) = $2", [id, limit])).toBe(60 + 59 * 5 + 100);
}, 60_000);

const detailPath = (p: string) => `/consultations/${slugs.open}/propositions/${p}/`;
const repliesPath = (p: string, r: string) => `${detailPath(p)}reponses/${r}/`;

describe("comment pages with every comment at its maximum length", () => {
  const views: [string, Entry, (p: string, r: string) => string][] = [
    ["JSON, page 1", proposition, (p) => `/api/propositions/${p}`],
    ["JSON, middle page", proposition, (p) => `/api/propositions/${p}?page=2`],
    ["JSON, replies", replies, (_p, r) => `/api/comments/${r}/replies`],
    ["fragment, page 1", proposition, (p) => `/api/propositions/${p}?format=fragment`],
    ["fragment, middle page", proposition, (p) => `/api/propositions/${p}?format=fragment&page=2`],
    ["fragment, replies", replies, (_p, r) => `/api/comments/${r}/replies?format=fragment`],
    ["page, page 1", detailPage, (p) => detailPath(p)],
    ["page, middle page", detailPage, (p) => `${detailPath(p)}?page=2`],
    ["page, replies", repliesPage, (p, r) => repliesPath(p, r)],
    ["page, replies middle page", repliesPage, (p, r) => `${repliesPath(p, r)}?page=2`],
  ];

  it.each(views)("keeps %s under 60 KB gzip", async (name, entry, path) => {
    const res = await invoke(entry, request(path(id, root), { cookie: await signedInCookie(), accept: name.startsWith("JSON") ? "application/json" : "text/html" }));
    expect(res.status).toBe(200);
    const text = await res.text();
    const gzip = gzipSync(text).length;
    console.info(`[comments-worst-case] ${name}: ${(text.length / 1024).toFixed(1)} KB, ${(gzip / 1024).toFixed(1)} KB gzip`);
    expect(gzip).toBeLessThanOrEqual(60 * 1024);
  });

  it("shows roots whole and their replies as previews linking to the full text on the replies view's first page", async () => {
    const { proposition: p } = (await (await invoke(proposition, request(`/api/propositions/${id}?page=2`, { accept: "application/json" }))).json()) as {
      proposition: { comments: { body: string; replies: { id: string; body: string; body_truncated: boolean }[] }[]; comments_page: Record<string, number> };
    };
    expect(p.comments_page).toEqual({ page: 2, pages: 3, page_size: 20, total: 60, replies_shown: 5, reply_preview_length: 280 });
    expect(p.comments.map((c) => c.body.length)).toEqual(Array(20).fill(limit));
    const shown = p.comments.flatMap((c) => c.replies);
    expect(shown).toHaveLength(100);
    for (const r of shown) {
      expect(r.body_truncated).toBe(true);
      expect(r.body.length).toBeLessThanOrEqual(280);
      expect(r.body).toMatch(/^[0-9a-f ]*[0-9a-f]$/);
    }
    const page = await (await invoke(detailPage, request(`${detailPath(id)}?page=2`))).text();
    expect(page.match(/class="ideabox-read-more"/g)).toHaveLength(100);
    const [first] = (await h.port.db.query<{ id: string }>(
      "select id from public.comments where parent_id = $1 order by created_at, id limit 1", [root],
    )).rows;
    const top = await (await invoke(detailPage, request(detailPath(id)))).text();
    expect(top).toContain(`<a href="${repliesPath(id, root)}#comment-${first!.id}" aria-describedby="comment-${first!.id}-meta">Lire la suite`);
    const thread = await (await invoke(repliesPage, request(repliesPath(id, root)))).text();
    expect(thread).toContain(`id="comment-${first!.id}"`);
    expect(thread.match(/<li class="ideabox-comment" id="comment-/g)).toHaveLength(20);
  });
});
