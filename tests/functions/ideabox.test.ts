// The idea box through the functions: propositions, supports, comments, live pages and fragments, against
// PGlite and real content, in JSON (fetch) and as plain HTML forms.
import { beforeAll, describe, expect, it } from "vitest";
import { slugs, startHarness, type Harness } from "../../functions/lib/testing/harness.ts";
import { invoke, request } from "../../functions/lib/testing/requests.ts";
import { signedInCookie } from "../../functions/lib/testing/sign-in.ts";
import * as propositions from "../../functions/api/propositions.ts";
import * as proposition from "../../functions/api/proposition.ts";
import * as support from "../../functions/api/support.ts";
import * as comments from "../../functions/api/comments.ts";
import * as listPage from "../../functions/api/page-propositions.ts";
import * as detailPage from "../../functions/api/page-proposition.ts";

let h: Harness;
let alice: string;
let bruno: string;
beforeAll(async () => {
  h = await startHarness();
  alice = await signedInCookie();
  bruno = await signedInCookie();
});

interface Row { id: string; title: string; body: string; theme: string | null; supports_count: number; supported_by_me: boolean }

const api = (slug: string) => `/api/consultations/${slug}/propositions`;
const livePath = (slug: string) => `/consultations/${slug}/propositions/`;

async function submit(cookie: string, body: Record<string, unknown>, slug: string = slugs.open): Promise<Row> {
  const res = await invoke(propositions, request(api(slug), { json: body, cookie }));
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { proposition: Row }).proposition;
}

async function list(query = "", cookie?: string, slug: string = slugs.open) {
  const res = await invoke(propositions, request(`${api(slug)}${query}`, { accept: "application/json", cookie }));
  expect(res.status).toBe(200);
  return (await res.json()) as { total: number; items: Row[] };
}

async function errorOf(res: Response) {
  return ((await res.json()) as { error: { code: string; message: string; details?: Record<string, string> } }).error;
}

describe("propositions", () => {
  let first: Row;
  let second: Row;

  beforeAll(async () => {
    first = await submit(alice, { title: "Des arceaux à la gare", body: "Vingt arceaux couverts.", theme: "Mobilité", district: "Centre" });
    second = await submit(bruno, { title: "Un verger partagé", body: "Au parc du Nord.", theme: "Environnement", district: "Nord" });
  });

  it("creates, lists (recent first) and shows one proposition", async () => {
    const all = await list();
    expect(all.total).toBeGreaterThanOrEqual(2);
    expect(all.items.slice(0, 2).map((p) => p.id)).toEqual([second.id, first.id]);
    const res = await invoke(proposition, request(`/api/propositions/${first.id}`, { accept: "application/json" }));
    expect(await res.json()).toMatchObject({ proposition: { id: first.id, title: "Des arceaux à la gare", comments: [] } });
  });

  it("sorts by popularity and filters by theme and district", async () => {
    await invoke(support, request(`/api/propositions/${first.id}/support`, { json: { action: "support" }, cookie: bruno }));
    expect((await list("?sort=popular")).items[0]!.id).toBe(first.id);
    expect((await list("?theme=Environnement")).items.map((p) => p.id)).toEqual([second.id]);
    expect((await list("?district=Centre")).items.map((p) => p.id)).toContain(first.id);
    expect((await list("?district=Centre")).items.map((p) => p.id)).not.toContain(second.id);
  });

  it("creates from a plain form: 303 back with a flash, then the live page shows it", async () => {
    const returnTo = livePath(slugs.open);
    const res = await invoke(propositions, request(api(slugs.open), {
      form: { title: "Une rue aux écoles", body: "Fermer la rue le matin.", theme: "", district: "", return_to: returnTo, lang: "fr" },
      cookie: bruno,
    }));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${returnTo}?flash=proposition_created`);
    const page = await invoke(listPage, request(res.headers.get("location")!, { cookie: bruno }));
    const text = await page.text();
    expect(text).toContain("Votre proposition est publiée.");
    expect(text).toContain("Une rue aux écoles");
  });

  it("enforces the per-phase maximum from SQL", async () => {
    const cookie = await signedInCookie();
    await submit(cookie, { title: "Une", body: "1" });
    await submit(cookie, { title: "Deux", body: "2" });
    const before = await h.count("propositions");
    const res = await invoke(propositions, request(api(slugs.open), { json: { title: "Trois", body: "3" }, cookie }));
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe("proposition_limit_reached");
    expect(await h.count("propositions")).toBe(before);
  });
});

describe("supports", () => {
  let p: Row;
  beforeAll(async () => {
    p = await submit(alice, { title: "Soutenez-moi", body: "Texte." });
  });

  it("is idempotent and can be withdrawn (POST and DELETE)", async () => {
    const url = `/api/propositions/${p.id}/support`;
    for (let i = 0; i < 3; i++) {
      const res = await invoke(support, request(url, { json: { action: "support" }, cookie: bruno }));
      expect(await res.json()).toEqual({ proposition_id: p.id, supported: true, supports_count: 1 });
    }
    expect(await h.count("supports", "proposition_id = $1", [p.id])).toBe(1);
    const withdrawn = await invoke(support, request(url, { json: { action: "withdraw" }, cookie: bruno }));
    expect(await withdrawn.json()).toMatchObject({ supported: false, supports_count: 0 });
    await invoke(support, request(url, { json: {}, cookie: bruno }));
    // A bare DELETE (no body, no Accept) is a fetch: it gets JSON.
    const deleted = await invoke(support, request(url, { method: "DELETE", cookie: bruno }));
    expect(await deleted.json()).toMatchObject({ supported: false, supports_count: 0 });
    expect(await h.count("supports", "proposition_id = $1", [p.id])).toBe(0);
  });

  it("works as a plain form and shows a pressed toggle whose name carries the count", async () => {
    const returnTo = livePath(slugs.open);
    const res = await invoke(support, request(`/api/propositions/${p.id}/support`, { form: { action: "support", return_to: returnTo }, cookie: alice }));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${returnTo}?flash=supported`);
    const page = await (await invoke(listPage, request(res.headers.get("location")!, { cookie: alice }))).text();
    const item = page.slice(page.indexOf(`id="proposition-${p.id}"`));
    expect(item).toMatch(/aria-pressed="true">[\s\S]*?Soutenir <span class="ideabox-support__count">\(1 soutien\)<\/span>/);
    expect(page).toContain("Votre soutien est enregistré.");
  });

  it("sends a signed-out citizen to sign in, and refuses JSON with 401", async () => {
    const form = await invoke(support, request(`/api/propositions/${p.id}/support`, { form: { action: "support", return_to: livePath(slugs.open) } }));
    expect(form.status).toBe(303);
    expect(form.headers.get("location")).toBe(`/connexion/?return_to=${encodeURIComponent(livePath(slugs.open))}`);
    const json = await invoke(support, request(`/api/propositions/${p.id}/support`, { json: { action: "support" } }));
    expect(json.status).toBe(401);
    expect((await errorOf(json)).code).toBe("unauthenticated");
  });
});

describe("comments", () => {
  it("threads to depth 2 with optional alignment", async () => {
    const p = await submit(await signedInCookie(), { title: "À débattre", body: "Texte." });
    const url = `/api/propositions/${p.id}/comments`;
    const root = await invoke(comments, request(url, { json: { body: "Je suis pour.", alignment: "for" }, cookie: bruno }));
    expect(root.status).toBe(201);
    const rootId = ((await root.json()) as { comment: { id: string } }).comment.id;
    const reply = await invoke(comments, request(url, { json: { body: "Moi aussi.", parent_id: rootId }, cookie: alice }));
    expect(reply.status).toBe(201);
    const replyId = ((await reply.json()) as { comment: { id: string } }).comment.id;
    const before = await h.count("comments");
    const tooDeep = await invoke(comments, request(url, { json: { body: "Trop loin.", parent_id: replyId }, cookie: bruno }));
    expect(tooDeep.status).toBe(400);
    expect((await errorOf(tooDeep)).code).toBe("comment_too_deep");
    expect(await h.count("comments")).toBe(before);

    const detail = (await (await invoke(proposition, request(`/api/propositions/${p.id}`, { accept: "application/json" }))).json()) as {
      proposition: { comments: { id: string; alignment: string; replies: { id: string }[] }[] };
    };
    expect(detail.proposition.comments).toHaveLength(1);
    expect(detail.proposition.comments[0]).toMatchObject({ id: rootId, alignment: "for", replies: [{ id: replyId }] });

    const page = await (await invoke(detailPage, request(`/consultations/${slugs.open}/propositions/${p.id}/`, { cookie: alice }))).text();
    expect(page).toContain("Je suis pour.");
    expect(page).toContain('ideabox-alignment--for">Pour</span>');
    // Only root comments offer a reply form.
    expect(page).toContain(`id="ideabox-reply-${rootId}"`);
    expect(page).not.toContain(`id="ideabox-reply-${replyId}"`);
  });

  it("shows the comment form again with the error and the citizen's text", async () => {
    const p = await submit(await signedInCookie(), { title: "Commentaire refusé", body: "Texte." });
    const before = await h.count("comments");
    const res = await invoke(comments, request(`/api/propositions/${p.id}/comments`, {
      form: { body: "Mon texte gardé", alignment: "peut-être", return_to: `/consultations/${slugs.open}/propositions/${p.id}/` },
      cookie: bruno,
    }));
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('href="#ideabox-comment-alignment"');
    expect(page).toContain("Mon texte gardé</textarea>");
    expect(await h.count("comments")).toBe(before);
  });
});

describe("live pages", () => {
  it("serves the list with sort and filter form, proposition form for a signed-in citizen, sign-in link otherwise", async () => {
    const anonymous = await (await invoke(listPage, request(livePath(slugs.open)))).text();
    expect(anonymous).toContain('action="/consultations/ideabox-ouverte/propositions/"');
    expect(anonymous).toContain(`href="/connexion/?return_to=${encodeURIComponent(livePath(slugs.open))}"`);
    expect(anonymous).not.toContain('id="ideabox-proposition"');
    const signed = await (await invoke(listPage, request(livePath(slugs.open), { cookie: alice }))).text();
    expect(signed).toContain('id="ideabox-proposition"');
    expect(signed).toContain('<label class="pl-field__label" for="ideabox-proposition-title">');
  });

  it("answers the swappable fragment only with format=fragment", async () => {
    const res = await invoke(propositions, request(`${api(slugs.open)}?format=fragment&sort=popular`, { cookie: alice }));
    expect(res.headers.get("content-type")).toContain("text/html");
    const text = await res.text();
    expect(text.startsWith('<div class="ideabox__content" data-ideabox-content>')).toBe(true);
    expect(text).not.toContain("<html");
    expect(text).toContain('<option value="popular" selected>');
  });

  it("keeps a finished consultation's list read-only", async () => {
    const page = await (await invoke(listPage, request(livePath(slugs.finished), { cookie: alice }))).text();
    expect(page).toContain("Cette phase est terminée");
    expect(page).not.toContain('action="/api/consultations/');
    expect(page).not.toContain("/support\"");
  });

  it("pages the list 20 at a time", async () => {
    // 25 rows written directly (as the owner) on the quiet consultation, to get past one page.
    await h.port.db.query(
      `insert into public.propositions (consultation_id, citizen_id, title, body)
       select c.id, (select id from public.citizens where deleted_at is null limit 1), 'Lot ' || n, 'Texte'
         from public.consultations c, generate_series(1, 25) n where c.slug = $1`,
      [slugs.quiet],
    );
    const total = (await list("", undefined, slugs.quiet)).total;
    expect(total).toBeGreaterThanOrEqual(25);
    const first = await (await invoke(listPage, request(livePath(slugs.quiet)))).text();
    expect((first.match(/class="ideabox-item"/g) ?? []).length).toBe(20);
    expect(first).toContain(`Page 1 sur ${Math.ceil(total / 20)}`);
    const second = await (await invoke(listPage, request(`${livePath(slugs.quiet)}?page=2`))).text();
    expect((second.match(/class="ideabox-item"/g) ?? []).length).toBe(Math.min(total - 20, 20));
    expect(second).toContain('rel="prev"');
  });

  it("speaks English under /en/, falling back to the French content", async () => {
    const page = await (await invoke(listPage, request(`/en/consultations/${slugs.open}/propositions/`))).text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain("Sort by");
    expect(page).toContain(`href="/en/connexion/?return_to=${encodeURIComponent(`/en/consultations/${slugs.open}/propositions/`)}"`);
  });

  it("names themes and districts in English under /en/, filtering by their stored French names (issue 8)", async () => {
    const page = await (await invoke(listPage, request(`/en/consultations/${slugs.open}/propositions/?theme=Mobilit%C3%A9`))).text();
    expect(page).toContain('<option value="Mobilité" selected>Mobilité (en)</option>');
    expect(page).toContain('<option value="Centre">Centre (en)</option>');
    expect(page).toContain("Theme: Mobilité (en)");
    expect(page).not.toContain("Theme: Environnement");
  });

  it("answers 404 for an unknown consultation or proposition", async () => {
    const res = await invoke(listPage, request(livePath("inconnue")));
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("Cette consultation n’existe pas.");
    const detail = await invoke(detailPage, request(`/consultations/${slugs.open}/propositions/00000000-0000-4000-8000-000000000000/`));
    expect(detail.status).toBe(404);
    const notUuid = await invoke(detailPage, request(`/consultations/${slugs.open}/propositions/abc/`));
    expect(notUuid.status).toBe(404);
  });
});
