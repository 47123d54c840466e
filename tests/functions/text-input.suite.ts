// Issue 6, points 3 and 4, through the functions with real Requests: control characters and text made only
// of invisible characters are a 400 invalid_input and store nothing, in every text field and list query
// parameter; a NUL in a path is a 400 or 404, never a 500; a form's CRLF counts as one LF. The data port is one
// per process, so text-input.pglite.test.ts and text-input.postgres.test.ts each run this suite on one engine.
import { beforeAll, describe, expect, it } from "vitest";
import { slugs, type PortableHarness } from "../../functions/lib/testing/harness.ts";
import { invoke, request } from "../../functions/lib/testing/requests.ts";
import { signedInCookie } from "../../functions/lib/testing/sign-in.ts";
import * as propositions from "../../functions/api/propositions.ts";
import * as proposition from "../../functions/api/proposition.ts";
import * as comments from "../../functions/api/comments.ts";
import * as displayName from "../../functions/api/me-display-name.ts";
import * as signIn from "../../functions/api/auth-sign-in.ts";
import * as listPage from "../../functions/api/page-propositions.ts";
import * as detailPage from "../../functions/api/page-proposition.ts";
import { limits } from "../../templates/modules/ideabox/forms.ts";
import { controlCorpus, frenchTitle, invisibleCorpus } from "../support/text-corpus.ts";

const api = (slug: string = slugs.open) => `/api/consultations/${slug}/propositions`;
const oneLine = [...invisibleCorpus, ...controlCorpus({ multiline: false }), "a\u0000b"];
const multiLine = [...invisibleCorpus, ...controlCorpus({ multiline: true, normalised: true }), "a\u0000b"];
const label = (text: string) => JSON.stringify(text);

async function expectInvalid(res: Response, text: string): Promise<void> {
  expect(res.status, label(text)).toBe(400);
  const body = (await res.json()) as { error: { code: string } };
  expect(body.error.code, label(text)).toBe("invalid_input");
}

/**
 * Registers the suite on the harness `start` opens. `engine` is checked first, against the harness and the
 * server's own `version()`, so a suite meant for PostgreSQL cannot quietly run on PGlite.
 */
export function textInputSuite(start: () => Promise<PortableHarness>, engine: { name: PortableHarness["engine"]; version: RegExp }): void {
  let h: PortableHarness;
  let cookie: string;
  let propositionId: string;

  beforeAll(async () => {
    h = await start();
    cookie = await signedInCookie();
    const res = await invoke(propositions, request(api(), { json: { title: "Base", body: "Texte de base" }, cookie }));
    propositionId = ((await res.json()) as { proposition: { id: string } }).proposition.id;
  });

  describe("engine", () => {
    it(`runs the functions on ${engine.name}`, async () => {
      expect(h.engine).toBe(engine.name);
      const [server] = await h.sql<{ version: string }>("select version()");
      expect(server!.version).toMatch(engine.version);
      // The first proposition went in through the functions: they and `h.sql` share one database.
      expect(await h.count("propositions", "id = $1", [propositionId])).toBe(1);
    });
  });

  describe("text fields", () => {
    const fields: { name: string; corpus: string[]; send: (text: string) => Request; table: string }[] = [
      { name: "title", corpus: oneLine, send: (title) => request(api(), { json: { title, body: "Texte" }, cookie }), table: "propositions" },
      { name: "body", corpus: multiLine, send: (body) => request(api(), { json: { title: "Titre", body }, cookie }), table: "propositions" },
      { name: "theme", corpus: oneLine, send: (theme) => request(api(), { json: { title: "Titre", body: "Texte", theme }, cookie }), table: "propositions" },
      { name: "district", corpus: oneLine, send: (district) => request(api(), { json: { title: "Titre", body: "Texte", district }, cookie }), table: "propositions" },
      { name: "comment", corpus: multiLine, send: (body) => request(`/api/propositions/${propositionId}/comments`, { json: { body }, cookie }), table: "comments" },
      { name: "email", corpus: oneLine, send: (email) => request("/api/auth/sign-in", { json: { email } }), table: "sign_in_requests" },
    ];
    const entries = { title: propositions, body: propositions, theme: propositions, district: propositions, comment: comments, email: signIn };

    it.each(fields.map((f) => [f.name, f] as const))("refuses every hostile %s with 400 invalid_input and stores nothing", async (name, field) => {
      const before = await h.count(field.table);
      for (const text of field.corpus) await expectInvalid(await invoke(entries[name as keyof typeof entries], field.send(text)), text);
      expect(await h.count(field.table)).toBe(before);
    });

    it("refuses them from a plain form too, showing the form again", async () => {
      const before = await h.count("propositions");
      for (const title of ["\u200b", "\u00a0\u00a0", "a\u0000b", "a\u0007b"]) {
        const res = await invoke(propositions, request(api(), { form: { title, body: "Texte" }, cookie }));
        expect(res.status, label(title)).toBe(400);
        expect(await res.text()).toContain('href="#ideabox-proposition-title"');
      }
      const tabbed = await invoke(propositions, request(api(), { form: { title: "a\tb", body: "Texte" }, cookie }));
      expect(await tabbed.text()).toContain("Le titre ne peut pas contenir de tabulation");
      expect(await h.count("propositions")).toBe(before);
    });

    it("refuses a hidden or invisible display name and leaves the citizen anonymous; a blank one clears it", async () => {
      const citizen = await signedInCookie();
      for (const text of [...oneLine, "Jo\u200bB.", "\u202eesreveR"]) {
        const res = await invoke(displayName, request("/api/me/display-name", { json: { display_name: text }, cookie: citizen }));
        // A text JavaScript trims to nothing is a blank name: it clears the name, as the form says.
        if (text.trim() === "") expect(await res.json(), label(text)).toEqual({ display_name: null });
        else await expectInvalid(res, text);
      }
      expect(await h.count("citizens", "display_name is not null")).toBe(0);
    });

    it("accepts visible text written with French no-break spaces", async () => {
      const author = await signedInCookie();
      const res = await invoke(propositions, request(api(), { json: { title: frenchTitle, body: "Pr\u00e8s du kiosque\u202f; \u00e0 l\u2019ombre." }, cookie: author }));
      expect(res.status).toBe(201);
      expect(((await res.json()) as { proposition: { title: string } }).proposition.title).toBe(frenchTitle);
      const named = await invoke(displayName, request("/api/me/display-name", { json: { display_name: "Jo\u00a0B." }, cookie: author }));
      expect(await named.json()).toEqual({ display_name: "Jo\u00a0B." });
    });
  });

  describe("line breaks", () => {
    it("counts a form's CRLF as one LF, stored as LF, so a full-length comment from a form fits", async () => {
      const typed = `${"a\r\n".repeat(limits.comment / 2 - 1)}ab`;
      const res = await invoke(comments, request(`/api/propositions/${propositionId}/comments`, { form: { body: typed }, cookie }));
      expect(res.status).toBe(303);
      const stored = `${"a\n".repeat(limits.comment / 2 - 1)}ab`;
      expect(stored).toHaveLength(limits.comment);
      expect(await h.count("comments", "body = $1", [stored])).toBe(1);
    });

    it("turns a lone CR into LF in a multi-line field and refuses it in a one-line one", async () => {
      const author = await signedInCookie();
      const res = await invoke(propositions, request(api(), { json: { title: "Retours chariot", body: "un\rdeux\r\ntrois" }, cookie: author }));
      expect(res.status).toBe(201);
      expect(((await res.json()) as { proposition: { body: string } }).proposition.body).toBe("un\ndeux\ntrois");
      await expectInvalid(await invoke(propositions, request(api(), { json: { title: "un\rdeux", body: "Texte" }, cookie: author })), "un\rdeux");
    });
  });

  describe("query parameters and paths", () => {
    const values = [...oneLine.filter((text) => text !== ""), "a\u0000b"].map((text) => encodeURIComponent(text));

    it.each(["theme", "district", "sort"])("refuses a hostile %s with 400 on the JSON list and the live page", async (name) => {
      for (const value of values) {
        await expectInvalid(await invoke(propositions, request(`${api()}?${name}=${value}`, { accept: "application/json" })), value);
        const page = await invoke(listPage, request(`/consultations/${slugs.open}/propositions/?${name}=${value}`));
        expect(page.status, value).toBe(400);
      }
    });

    it("answers a NUL or invisible slug or id with 400 or 404, never 500", async () => {
      for (const bad of ["a%00b", "%00", "%E2%80%8B", "%C2%A0"]) {
        const list = await invoke(propositions, request(api(bad), { accept: "application/json" }));
        expect([400, 404], `list ${bad}`).toContain(list.status);
        const page = await invoke(listPage, request(`/consultations/${bad}/propositions/`));
        expect([400, 404], `page ${bad}`).toContain(page.status);
        const detail = await invoke(proposition, request(`/api/propositions/${bad}`, { accept: "application/json" }));
        expect(detail.status, `detail ${bad}`).toBe(404);
        const live = await invoke(detailPage, request(`/consultations/${bad}/propositions/${propositionId}/`));
        expect([400, 404], `live ${bad}`).toContain(live.status);
      }
    });
  });
}
