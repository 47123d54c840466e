// Valid HTML (RGAA criterion 8.2): every page type the functions render, fetched through the real handlers
// with real Requests and written to files, passes the Nu Html Checker without error in one Java start.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as signIn from "../../functions/api/auth-sign-in.ts";
import * as verify from "../../functions/api/auth-verify.ts";
import * as comments from "../../functions/api/comments.ts";
import * as account from "../../functions/api/page-account.ts";
import * as repliesPage from "../../functions/api/page-comment-replies.ts";
import * as detailPage from "../../functions/api/page-proposition.ts";
import * as listPage from "../../functions/api/page-propositions.ts";
import * as codePage from "../../functions/api/page-sign-in-code.ts";
import * as signInPage from "../../functions/api/page-sign-in.ts";
import * as propositions from "../../functions/api/propositions.ts";
import { slugs, startHarness, type Harness } from "../../functions/lib/testing/harness.ts";
import { cookieFrom, type Entry, invoke, request } from "../../functions/lib/testing/requests.ts";
import { signedInCookie } from "../../functions/lib/testing/sign-in.ts";
import { htmlErrors, javaAvailable } from "../support/vnu.ts";

const java = javaAvailable();
let h: Harness;
let dir: string;
const pages: Record<string, string> = {};

async function page(name: string, entry: Entry, req: Request, status = 200): Promise<void> {
  const res = await invoke(entry, req);
  const text = await res.text();
  expect(res.status, `${name}: ${text.slice(0, 300)}`).toBe(status);
  expect(text, name).toMatch(/^<!doctype html>/i);
  pages[name] = text;
}

describe.skipIf(!java)("valid HTML of the function-rendered pages", () => {
  beforeAll(async () => {
    h = await startHarness();
    dir = await mkdtemp(path.join(tmpdir(), "parlons-vnu-"));
    const cookie = await signedInCookie();
    const created = await invoke(propositions, request(`/api/consultations/${slugs.open}/propositions`, {
      json: { title: "Des bancs au parc", body: "Pour s'asseoir à l'ombre.", theme: "", district: "" }, cookie,
    }));
    expect(created.status).toBe(201);
    const id = ((await created.json()) as { proposition: { id: string } }).proposition.id;
    const comment = (body: string, parent_id?: string) =>
      invoke(comments, request(`/api/propositions/${id}/comments`, { json: { body, parent_id, alignment: "for" }, cookie }));
    expect((await comment("D'accord, et des fontaines.")).status).toBe(201);
    const [root] = await h.sql<{ id: string }>("select id from public.comments where proposition_id = $1", [id]);
    expect((await comment("Oui, près des jeux.", root!.id)).status).toBe(201);

    const detail = `/consultations/${slugs.open}/propositions/${id}/`;
    const html = { accept: "text/html" };
    await page("list", listPage, request(`/consultations/${slugs.open}/propositions/`, { ...html, cookie }));
    await page("list, signed out, English", listPage, request(`/en/consultations/${slugs.open}/propositions/`, html));
    await page("list, finished", listPage, request(`/consultations/${slugs.finished}/propositions/`, html));
    await page("list with form errors", propositions, request(`/api/consultations/${slugs.open}/propositions`, {
      form: { title: "", body: "", return_to: `/consultations/${slugs.open}/propositions/` }, cookie,
    }), 400);
    await page("detail", detailPage, request(detail, { ...html, cookie }));
    await page("detail, signed out", detailPage, request(detail, html));
    await page("replies view", repliesPage, request(`${detail}reponses/${root!.id}/`, { ...html, cookie }));
    await page("sign-in", signInPage, request("/connexion/", html));
    await page("sign-in, English", signInPage, request("/en/connexion/", html));
    const asked = await invoke(signIn, request("/api/auth/sign-in", { form: { email: "code@exemple.fr", return_to: "/" } }));
    await page("sign-in code", codePage, request("/connexion/code/", { ...html, cookie: cookieFrom(asked, "parlons_sign_in_email")! }));
    const link = new URL(/https?:\/\/\S+/.exec((await h.lastMail("code@exemple.fr")).text)![0]);
    await page("sign-in confirmation", verify, request(link.pathname + link.search, html));
    await page("account", account, request("/compte/", { ...html, cookie }));
    await page("error page", detailPage, request(`/consultations/${slugs.open}/propositions/00000000-0000-4000-8000-000000000000/`, html), 404);
    expect(pages["error page"]).toContain('class="pl-error-page"');
  });

  afterAll(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

  it("has no checker error on any page type", async () => {
    const files = await Promise.all(Object.entries(pages).map(async ([name, text]) => {
      const file = path.join(dir, `${name.replace(/[^a-z]+/gi, "-")}.html`);
      await writeFile(file, text);
      return file;
    }));
    expect(files).toHaveLength(13);
    expect(htmlErrors(files, dir)).toEqual([]);
  });
});
