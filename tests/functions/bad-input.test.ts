// Bad input at the functions: each case gets its own clear error code (JSON) or page (form), and no row.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { slugs, startHarness, type Harness } from "../../functions/lib/testing/harness.ts";
import { invoke, request } from "../../functions/lib/testing/requests.ts";
import { signedInCookie } from "../../functions/lib/testing/sign-in.ts";
import * as propositions from "../../functions/api/propositions.ts";
import * as support from "../../functions/api/support.ts";
import * as comments from "../../functions/api/comments.ts";
import * as listPage from "../../functions/api/page-propositions.ts";

let h: Harness;
let cookie: string;
let rows: () => Promise<number[]>;
let before: number[];

beforeAll(async () => {
  h = await startHarness();
  cookie = await signedInCookie();
  rows = () => Promise.all(["propositions", "supports", "comments"].map((t) => h.count(t)));
});
beforeEach(async () => {
  before = await rows();
});

const api = (slug: string = slugs.open) => `/api/consultations/${slug}/propositions`;

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = (await res.json()) as { error: { code: string; message: string; details?: Record<string, string> } };
  expect(body.error.code).toBe(code);
  expect(body.error.message).toMatch(/\S/);
  expect(await rows()).toEqual(before);
  return body.error;
}

describe("bodies", () => {
  it("refuses a body over 16 KB with 413, whatever Content-Length says", async () => {
    const big = { title: "Trop long", body: "x".repeat(17 * 1024) };
    await expectError(await invoke(propositions, request(api(), { json: big, cookie })), 413, "payload_too_large");
    // A lying Content-Length is not trusted: the stream itself is counted.
    const lying = request(api(), { json: big, cookie, headers: { "content-length": "10" } });
    await expectError(await invoke(propositions, lying), 413, "payload_too_large");
  });

  it("refuses malformed JSON with 400 malformed_body", async () => {
    await expectError(await invoke(propositions, request(api(), { json: '{"title": "a", ', cookie })), 400, "malformed_body");
  });

  it("refuses other content types with 415", async () => {
    const res = await invoke(propositions, request(api(), { body: "<p>hello</p>", contentType: "text/xml", cookie, accept: "application/json" }));
    await expectError(res, 415, "unsupported_media_type");
  });

  it("refuses wrong types with 400 invalid_input naming each field", async () => {
    const error = await expectError(
      await invoke(propositions, request(api(), { json: { title: 42, body: ["a"], lng: "est" }, cookie })),
      400,
      "invalid_input",
    );
    expect(Object.keys(error.details!).sort()).toEqual(["body", "lng", "title"]);
    await expectError(await invoke(propositions, request(api(), { json: [1, 2], cookie })), 400, "invalid_input");
    await expectError(await invoke(propositions, request(api(), { json: { title: "t".repeat(141), body: "b" }, cookie })), 400, "invalid_input");
    await expectError(
      await invoke(support, request("/api/propositions/00000000-0000-4000-8000-000000000000/support", { json: { action: "adore" }, cookie })),
      400,
      "invalid_input",
    );
  });
});

describe("methods", () => {
  it("answers 405 method_not_allowed with the allowed methods", async () => {
    const res = await invoke(support, request("/api/propositions/00000000-0000-4000-8000-000000000000/support", { accept: "application/json" }));
    expect(res.headers.get("allow")).toBe("POST, DELETE");
    await expectError(res, 405, "method_not_allowed");
  });
});

describe("same-origin proof", () => {
  it("refuses a state-changing request without it (403 csrf_failed), as JSON and as a form", async () => {
    await expectError(await invoke(propositions, request(api(), { json: { title: "a", body: "b" }, cookie, sameOrigin: false })), 403, "csrf_failed");
    const crossSite = request(api(), { json: { title: "a", body: "b" }, cookie, headers: { "sec-fetch-site": "cross-site" } });
    await expectError(await invoke(propositions, crossSite), 403, "csrf_failed");
    const form = await invoke(propositions, request(api(), { form: { title: "a", body: "b" }, cookie, sameOrigin: false, headers: { referer: "https://evil.example/page" } }));
    expect(form.status).toBe(403);
    expect(await form.text()).toContain("depuis le site lui-même");
    expect(await rows()).toEqual(before);
  });

  it("accepts an Origin or a Referer of the site when Sec-Fetch-Site is absent", async () => {
    const byOrigin = await invoke(propositions, request(api(), { json: { title: "Par Origin", body: "b" }, cookie, sameOrigin: false, headers: { origin: "http://localhost:8888" } }));
    expect(byOrigin.status).toBe(201);
    const other = await signedInCookie();
    const byReferer = await invoke(propositions, request(api(), { json: { title: "Par Referer", body: "b" }, cookie: other, sameOrigin: false, headers: { referer: "http://localhost:8888/consultations/" } }));
    expect(byReferer.status).toBe(201);
  });
});

describe("markup in citizen text", () => {
  it("stores <script> as text and renders it escaped", async () => {
    const author = await signedInCookie();
    const title = `<script>alert("x")</script> & "co"`;
    const res = await invoke(propositions, request(api(), { json: { title, body: "<img src=x onerror=alert(1)>" }, cookie: author }));
    expect(res.status).toBe(201);
    const { rows: stored } = await h.port.db.query<{ title: string }>("select title from public.propositions where title like '<script>%'");
    expect(stored.map((r) => r.title)).toEqual([title]);
    const page = await (await invoke(listPage, request(`/consultations/${slugs.open}/propositions/`))).text();
    expect(page).not.toContain("<script>alert");
    expect(page).not.toContain("<img src=x");
    expect(page).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;co&quot;");
  });
});

describe("consultation and phase", () => {
  it("answers 404 consultation_not_found for an unknown consultation", async () => {
    await expectError(await invoke(propositions, request(api("inconnue"), { json: { title: "a", body: "b" }, cookie })), 404, "consultation_not_found");
    const list = await invoke(propositions, request(api("inconnue"), { accept: "application/json" }));
    await expectError(list, 404, "consultation_not_found");
  });

  it("answers 409 phase_closed for a finished consultation", async () => {
    await expectError(await invoke(propositions, request(api(slugs.finished), { json: { title: "a", body: "b" }, cookie })), 409, "phase_closed");
  });

  it("answers 409 for a switched-off action of the open phase", async () => {
    const author = await signedInCookie();
    const created = await invoke(propositions, request(api(slugs.quiet), { json: { title: "Calme", body: "b" }, cookie: author }));
    const { proposition } = (await created.json()) as { proposition: { id: string } };
    before = await rows();
    await expectError(await invoke(support, request(`/api/propositions/${proposition.id}/support`, { json: { action: "support" }, cookie })), 409, "supports_closed");
    await expectError(await invoke(comments, request(`/api/propositions/${proposition.id}/comments`, { json: { body: "Non" }, cookie })), 409, "comments_closed");
  });

  it("refuses a theme that is not the consultation's", async () => {
    await expectError(await invoke(propositions, request(api(), { json: { title: "a", body: "b", theme: "Cuisine" }, cookie })), 400, "invalid_theme");
  });
});

describe("plain forms", () => {
  it("shows the proposition form again with a linked error summary and the citizen's text kept", async () => {
    const author = await signedInCookie();
    const res = await invoke(propositions, request(api(), {
      form: { title: "", body: "Mon long texte à garder", theme: "Environnement", return_to: `/consultations/${slugs.open}/propositions/` },
      cookie: author,
    }));
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('class="pl-error-summary" role="alert"');
    expect(page).toContain("<title>Erreur : Propositions – Une boîte à idées ouverte</title>");
    expect(page).toContain('<a href="#ideabox-proposition-title">Titre de votre proposition : Saisissez le titre de votre proposition.</a>');
    expect(page).toContain('aria-describedby="ideabox-proposition-title-hint ideabox-proposition-title-error" aria-invalid="true"');
    expect(page).toContain("Mon long texte à garder</textarea>");
    expect(page).toContain('<option value="Environnement" selected>');
    expect(await rows()).toEqual(before);
  });

  it("links a domain refusal to its field (invalid theme) and keeps the text", async () => {
    const author = await signedInCookie();
    const res = await invoke(propositions, request(api(), { form: { title: "Gardé", body: "Texte", theme: "Cuisine" }, cookie: author }));
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('href="#ideabox-proposition-theme"');
    expect(page).toContain('value="Gardé"');
  });

  it("shows a closed phase as a summary error on the page", async () => {
    const res = await invoke(propositions, request(api(slugs.finished), { form: { title: "Tard", body: "Trop tard" }, cookie }));
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("Aucune phase de participation n’est ouverte");
    expect(await rows()).toEqual(before);
  });
});
