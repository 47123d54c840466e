// Comment flooding through the functions (issue 6, point 6): the rate limit's answers (JSON and plain form),
// comments paged in JSON, fragment and no-JS pages, and every page of a 20,000-comment discussion under
// 60 KB gzip.
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import * as replies from "../../functions/api/comment-replies.ts";
import * as comments from "../../functions/api/comments.ts";
import * as repliesPage from "../../functions/api/page-comment-replies.ts";
import * as detailPage from "../../functions/api/page-proposition.ts";
import * as proposition from "../../functions/api/proposition.ts";
import * as propositions from "../../functions/api/propositions.ts";
import { slugs, startHarness, type Harness } from "../../functions/lib/testing/harness.ts";
import { type Entry, invoke, request } from "../../functions/lib/testing/requests.ts";
import { signedInCookie } from "../../functions/lib/testing/sign-in.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});

async function newProposition(): Promise<string> {
  const res = await invoke(propositions, request(`/api/consultations/${slugs.open}/propositions`, {
    json: { title: "Un sujet très discuté", body: "Qu’en pensez-vous ?", theme: "", district: "" }, cookie: await signedInCookie(),
  }));
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { proposition: { id: string } }).proposition.id;
}

const detailPath = (id: string) => `/consultations/${slugs.open}/propositions/${id}/`;
const repliesPath = (id: string, root: string) => `${detailPath(id)}reponses/${root}/`;

describe("comment rate limit", () => {
  it("answers the 11th comment of a minute with 429 comment_rate_limited, in JSON and as the form shown again", async () => {
    const id = await newProposition();
    const cookie = await signedInCookie();
    const url = `/api/propositions/${id}/comments`;
    for (let i = 0; i < 10; i++) {
      expect((await invoke(comments, request(url, { json: { body: `Avis ${i}` }, cookie }))).status).toBe(201);
    }
    const before = await h.count("comments", "proposition_id = $1", [id]);
    const refused = await invoke(comments, request(url, { json: { body: "Un de trop" }, cookie }));
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({
      error: { code: "comment_rate_limited", message: "Vous avez publié beaucoup de commentaires en peu de temps. Attendez un moment avant de commenter à nouveau." },
    });
    const english = await invoke(comments, request(`${url}?lang=en`, { json: { body: "One too many" }, cookie }));
    expect(((await english.json()) as { error: { message: string } }).error.message).toBe("You have posted many comments in a short time. Wait a while before commenting again.");
    const form = await invoke(comments, request(url, { form: { body: "Mon texte gardé", alignment: "", return_to: detailPath(id) }, cookie }));
    expect(form.status).toBe(429);
    const page = await form.text();
    expect(page).toContain("Vous avez publié beaucoup de commentaires en peu de temps.");
    expect(page).toContain("Mon texte gardé</textarea>");
    expect(await h.count("comments", "proposition_id = $1", [id])).toBe(before);
  });
});

describe("a flooded discussion: 20,000 comments, 5,000 replies on one", () => {
  let id: string;
  let root: string;
  const roots = 10_000;

  beforeAll(async () => {
    id = await newProposition();
    // Four flooding accounts with names; bodies of 80 to 400 characters of random hexadecimal, which gzip
    // compresses less than prose. Roots 1 to 10,000 a second apart; root 1 has 5,000 replies; roots 4,501 to 5,500 (pages
    // 226 to 275, around the middle) have 5 replies each, so those pages are full.
    const { rows: flooders } = await h.port.db.query<{ id: string }>(
      `insert into public.citizens (email, display_name)
       select 'flood-' || n || '-' || gen_random_uuid() || '@exemple.fr', 'Compte ' || n from generate_series(1, 4) n returning id`,
    );
    const ids = flooders.map((f) => f.id);
    const body = (n: string) =>
      `substr((select string_agg(md5((${n})::text || '-' || i), ' ') from generate_series(1, 13) i), 1, 80 + ((${n})::int * 37) % 321)`;
    await h.port.db.query(
      `insert into public.comments (proposition_id, citizen_id, body, alignment, created_at)
       select $1, ($2::uuid[])[1 + n % 4], ${body("n")}, (array['for', 'against', 'neutral', null])[1 + n % 4]::public.comment_alignment,
              now() - interval '1 day' + make_interval(secs => n)
         from generate_series(1, $3) n`,
      [id, ids, roots],
    );
    root = (await h.port.db.query<{ id: string }>(
      "select id from public.comments where proposition_id = $1 and parent_id is null order by created_at, id limit 1", [id],
    )).rows[0]!.id;
    await h.port.db.query(
      `insert into public.comments (proposition_id, parent_id, citizen_id, body, created_at)
       select $1, $2, ($3::uuid[])[1 + n % 4], ${body("n")}, now() - interval '12 hours' + make_interval(secs => n)
         from generate_series(1, 5000) n`,
      [id, root, ids],
    );
    await h.port.db.query(
      `insert into public.comments (proposition_id, parent_id, citizen_id, body, created_at)
       select r.proposition_id, r.id, r.citizen_id, ${body("(r.rank * 10 + k)")}, now() - interval '30 minutes' + make_interval(secs => k)
         from (select c.*, row_number() over (order by c.created_at, c.id) as rank
                 from public.comments c where c.proposition_id = $1 and c.parent_id is null) r,
              generate_series(1, 5) k
        where r.rank between 4501 and 5500`,
      [id],
    );
    expect(await h.count("comments", "proposition_id = $1", [id])).toBe(20_000);
  }, 120_000);

  const views: [string, Entry, (id: string, root: string) => string][] = [
    ["JSON, page 1", proposition, (p) => `/api/propositions/${p}`],
    ["JSON, middle page", proposition, (p) => `/api/propositions/${p}?page=250`],
    ["JSON, replies", replies, (_p, r) => `/api/comments/${r}/replies`],
    ["JSON, replies middle page", replies, (_p, r) => `/api/comments/${r}/replies?page=50`],
    ["fragment, page 1", proposition, (p) => `/api/propositions/${p}?format=fragment`],
    ["fragment, middle page", proposition, (p) => `/api/propositions/${p}?format=fragment&page=250`],
    ["fragment, replies middle page", replies, (_p, r) => `/api/comments/${r}/replies?format=fragment&page=50`],
    ["page, page 1", detailPage, (p) => detailPath(p)],
    ["page, middle page", detailPage, (p) => `${detailPath(p)}?page=250`],
    ["page, replies", repliesPage, (p, r) => repliesPath(p, r)],
    ["page, replies middle page", repliesPage, (p, r) => `${repliesPath(p, r)}?page=50`],
  ];

  it.each(views)("keeps %s under 60 KB gzip", async (name, entry, path) => {
    const cookie = await signedInCookie();
    const started = performance.now();
    const res = await invoke(entry, request(path(id, root), { cookie, accept: name.startsWith("JSON") ? "application/json" : "text/html" }));
    const elapsed = performance.now() - started;
    expect(res.status).toBe(200);
    const text = await res.text();
    const gzip = gzipSync(text).length;
    console.info(`[comments-paging] ${name}: ${(text.length / 1024).toFixed(1)} KB, ${(gzip / 1024).toFixed(1)} KB gzip, ${elapsed.toFixed(0)} ms`);
    expect(gzip).toBeLessThanOrEqual(60 * 1024);
  });

  it("serves 20 roots a page with their first 5 replies and paging facts in JSON", async () => {
    const first = (await (await invoke(proposition, request(`/api/propositions/${id}`, { accept: "application/json" }))).json()) as {
      proposition: { comments_count: number; comments: { id: string; replies: unknown[]; replies_count: number }[]; comments_page: unknown };
    };
    expect(first.proposition.comments_count).toBe(20_000);
    expect(first.proposition.comments).toHaveLength(20);
    expect(first.proposition.comments[0]).toMatchObject({ id: root, replies_count: 5000 });
    expect(first.proposition.comments[0]!.replies).toHaveLength(5);
    expect(first.proposition.comments_page).toEqual({ page: 1, pages: 500, page_size: 20, total: roots, replies_shown: 5, reply_preview_length: 280 });
    const middle = (await (await invoke(replies, request(`/api/comments/${root}/replies?page=50`, { accept: "application/json" }))).json()) as {
      replies: unknown[]; replies_page: unknown;
    };
    expect(middle.replies).toHaveLength(20);
    expect(middle.replies_page).toEqual({ page: 50, pages: 250, page_size: 20, total: 5000 });
  });

  it("links the other replies and pages the comments without JavaScript", async () => {
    const page = await (await invoke(detailPage, request(`${detailPath(id)}?page=250`))).text();
    expect((page.match(/<li class="ideabox-comment" id="comment-/g) ?? []).length).toBe(20 + 20 * 5);
    expect(page).toContain('<nav class="ideabox-pager" aria-label="Pages de commentaires">');
    expect(page).toContain(`href="${detailPath(id)}?page=249#ideabox-comments" rel="prev"`);
    expect(page).toContain(`href="${detailPath(id)}?page=251#ideabox-comments" rel="next"`);
    expect(page).toContain('aria-current="page">250</a>');
    expect(page).toContain("(20000 commentaires)");
    const first = await (await invoke(detailPage, request(detailPath(id)))).text();
    expect(first).toContain(`<a href="${repliesPath(id, root)}">4995 autres réponses`);
    const thread = await (await invoke(repliesPage, request(`${repliesPath(id, root)}?page=250`))).text();
    expect(thread).toContain("5000 réponses");
    expect(thread).toContain(`href="${repliesPath(id, root)}?page=249#ideabox-replies" rel="prev"`);
    expect(thread).not.toContain('rel="next"');
    expect(thread).toContain(`href="${detailPath(id)}#comment-${root}"`);
  });

  it("lands a plain form post on the page that shows the new comment or reply", async () => {
    const cookie = await signedInCookie();
    const url = `/api/propositions/${id}/comments`;
    const rootPost = await invoke(comments, request(url, { form: { body: "Le dernier mot", return_to: detailPath(id) }, cookie }));
    expect(rootPost.status).toBe(303);
    const [newRoot] = (await h.port.db.query<{ id: string }>("select id from public.comments where body = 'Le dernier mot'")).rows;
    expect(rootPost.headers.get("location")).toBe(`${detailPath(id)}?page=501&flash=comment_added#comment-${newRoot!.id}`);
    const landed = await (await invoke(detailPage, request(rootPost.headers.get("location")!.split("#")[0]!))).text();
    expect(landed).toContain(`id="comment-${newRoot!.id}"`);
    expect(landed).toContain("Votre commentaire est publié.");

    const replyPost = await invoke(comments, request(`${url}?format=fragment`, { form: { body: "Une réponse tardive", parent_id: root, return_to: detailPath(id) }, cookie }));
    const [reply] = (await h.port.db.query<{ id: string }>("select id from public.comments where body = 'Une réponse tardive'")).rows;
    expect(replyPost.headers.get("location")).toBe(`${repliesPath(id, root)}?page=251&flash=comment_added&format=fragment#comment-${reply!.id}`);
  });

  it("shows a refused reply again on the replies page it came from", async () => {
    const cookie = await signedInCookie();
    const from = `${repliesPath(id, root)}?page=3`;
    const res = await invoke(comments, request(`/api/propositions/${id}/comments`, {
      form: { body: "x".repeat(2001), parent_id: root, return_to: from }, cookie,
    }));
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('aria-current="page">3</a>');
    expect(page).toMatch(/<details class="ideabox-reply" open>/);
    expect(page).toContain("x".repeat(2001));
  });
});
