// Issue 6, point 2: an unexpected error is logged once, as one JSON line of safe fields, and the answer carries
// the same request id. pg and PGlite errors hold the query, its parameters and details such as
// « Key (email)=(…) »: none of it may reach the log. The failure is real: a trigger on a real (PGlite)
// database raises an SQLSTATE no map knows, with the citizen's text and email in its message and detail.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { districts, slugs, startHarness, themes, type Harness } from "../../functions/lib/testing/harness.ts";
import { invoke, request } from "../../functions/lib/testing/requests.ts";
import { signedInCookie } from "../../functions/lib/testing/sign-in.ts";
import * as propositions from "../../functions/api/propositions.ts";

const email = `journal-${randomUUID()}@exemple.fr`;
const title = `Titre secret ${randomUUID()}`;
const body = `Texte secret ${randomUUID()}`;
const api = `/api/consultations/${slugs.open}/propositions`;
const fields = { title, body, theme: themes[0]!, district: districts[0]! };

let h: Harness;
let cookie: string;
beforeAll(async () => {
  h = await startHarness();
  cookie = await signedInCookie(email);
  // Only titles starting with "Titre secret" fail, so other propositions still go through.
  await h.port.db.exec(`
    create function public.test_fail_secret_titles() returns trigger language plpgsql as $$
    begin
      if new.title like 'Titre secret%' then
        raise exception using errcode = 'XX000', message = 'refused ' || new.title || ' / ' || new.body,
          detail = 'Key (email)=(${email})';
      end if;
      return new;
    end $$;
    create trigger test_fail_secret_titles before insert on public.propositions
      for each row execute function public.test_fail_secret_titles();`);
});
afterAll(async () => {
  await h.port.db.exec("drop trigger test_fail_secret_titles on public.propositions; drop function public.test_fail_secret_titles();");
});

/** Everything the process prints while a test runs, whatever the channel. */
let printed: string[];
beforeEach(() => {
  printed = [];
  const keep = (...args: unknown[]) => void printed.push(args.map((a) => (typeof a === "string" ? a : String(a))).join(" "));
  for (const method of ["error", "warn", "log", "info", "debug"] as const) vi.spyOn(console, method).mockImplementation(keep);
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, "write").mockImplementation((chunk: unknown) => {
      keep(typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString());
      return true;
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
});

function linesWith(id: string): string[] {
  return printed.flatMap((text) => text.split("\n")).filter((line) => line.includes(id));
}

function expectNothingPersonal(): void {
  for (const secret of [title, body, email]) expect(printed.join("\n")).not.toContain(secret);
}

describe("an unexpected SQL error", () => {
  it("answers 500 with the request id, logged once as safe fields (JSON)", async () => {
    const id = "01JDZ3Q8V6Y2N4K7M9P0R5T1W3";
    const res = await invoke(propositions, request(api, { json: fields, cookie, headers: { "x-nf-request-id": id } }));
    expect(res.status).toBe(500);
    const answer = (await res.json()) as { error: { code: string; request_id: string; message: string } };
    expect(answer.error).toMatchObject({ code: "internal", request_id: id });
    expect(JSON.stringify(answer)).not.toContain("secret");

    const lines = linesWith(id);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toEqual({
      request_id: id,
      route: "POST /api/consultations/:slug/propositions",
      action: "submit_proposition",
      sqlstate: "XX000",
      code: "internal",
    });
    expectNothingPersonal();
  });

  it("shows the request id on the error page of a plain form, logged once", async () => {
    const res = await invoke(propositions, request(api, { form: { ...fields, return_to: "/" }, cookie }));
    expect(res.status).toBe(500);
    const markup = await res.text();
    expect(markup).toContain('class="pl-error-page"');
    const id = /<code class="pl-request-id">([^<]+)<\/code>/.exec(markup)?.[1];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(linesWith(id!)).toHaveLength(1);
    expect(markup).not.toContain("secret");
    expectNothingPersonal();
  });

  it.each(["<script>alert(1)</script>", "x".repeat(200), "id with spaces", "short", "%0d%0a{\"forged\":1}"])(
    "never echoes a malformed x-nf-request-id %j",
    async (forged) => {
      const res = await invoke(propositions, request(api, { json: fields, cookie, headers: { "x-nf-request-id": forged } }));
      const { error } = (await res.json()) as { error: { request_id: string } };
      expect(error.request_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(printed.join("\n")).not.toContain(forged);
      expect(linesWith(error.request_id)).toHaveLength(1);
      expectNothingPersonal();
    },
  );
});

it("answers 500 with a reference when the form page of a refusal fails unexpectedly, logged once", async () => {
  // The refused form would be shown again with the list around it: that list's action is made to fail.
  await h.port.db.exec("alter function public.list_propositions rename to test_list_propositions_away");
  try {
    const res = await invoke(propositions, request(api, { form: { ...fields, title: "", return_to: "/" }, cookie }));
    expect(res.status).toBe(500);
    const id = /<code class="pl-request-id">([^<]+)<\/code>/.exec(await res.text())?.[1];
    const lines = linesWith(id!);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ action: "list_propositions", sqlstate: "42883", code: "internal" });
    expectNothingPersonal();
  } finally {
    await h.port.db.exec("alter function public.test_list_propositions_away rename to list_propositions");
  }
});

it("logs nothing for a refusal the citizen can fix (4xx)", async () => {
  const res = await invoke(propositions, request(api, { json: { ...fields, title: "" }, cookie, headers: { "x-nf-request-id": "01JDZ3Q8V6Y2N4K7M9P0R5T1W4" } }));
  expect(res.status).toBe(400);
  const { error } = (await res.json()) as { error: Record<string, unknown> };
  expect(error).not.toHaveProperty("request_id");
  expect(printed).toEqual([]);
});
