// Issue 6, point 8: every answer of every function entry says `X-Content-Type-Options: nosniff`, JSON and
// redirects included: a JSON answer echoes citizens' text, which a sniffing browser must never run as HTML.
import { randomUUID } from "node:crypto";
import { readdir } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slugs, startHarness } from "../../functions/lib/testing/harness.ts";
import { invoke, request, type Entry, type RequestOptions } from "../../functions/lib/testing/requests.ts";
import { signedInCookie } from "../../functions/lib/testing/sign-in.ts";

const dir = new URL("../../functions/api/", import.meta.url);
const names = (await readdir(dir)).filter((name) => name.endsWith(".ts")).sort();

beforeAll(async () => {
  await startHarness();
});

/** A concrete path for a `config.path` pattern: an existing consultation, and an unknown id for the rest. */
function concrete(pattern: string, id: string): string {
  return pattern.replace(":slug", slugs.open).replace(/:[a-z_]+/g, id);
}

/** Signed-in variants get a fresh session per entry: sign-out and account deletion end theirs. */
const asked = (cookie: string): RequestOptions[] => [
  { accept: "application/json" },
  { accept: "text/html" },
  { method: "GET", accept: "text/html", cookie },
  { json: {}, cookie },
  { json: { title: "Un titre", body: "Un texte", action: "support", email: "a@exemple.fr" }, cookie },
  { form: { return_to: "/", action: "support" } },
  { form: { return_to: "/", action: "support", title: "Un titre", body: "Un texte" }, cookie },
  { json: {}, sameOrigin: false },
  { method: "DELETE", json: {}, cookie },
  { method: "PUT" },
];

const statuses = new Set<number>();

describe.each(names)("%s", (name) => {
  it("answers with nosniff whatever it is asked", async () => {
    const entry = (await import(new URL(name, dir).href)) as Entry;
    const cookie = await signedInCookie();
    for (const pattern of [entry.config.path ?? []].flat()) {
      for (const id of [randomUUID(), "x"]) {
        for (const options of asked(cookie)) {
          const res = await invoke(entry, request(concrete(pattern, id), options));
          statuses.add(res.status);
          expect(res.headers.get("x-content-type-options"), `${options.method ?? "auto"} ${pattern} → ${res.status}`).toBe("nosniff");
        }
      }
    }
  });
});

describe("decap-auth with GitHub configured", () => {
  const previous = { id: process.env.PARLONS_DECAP_GITHUB_CLIENT_ID, secret: process.env.PARLONS_DECAP_GITHUB_CLIENT_SECRET };
  afterAll(() => {
    for (const [name, value] of [
      ["PARLONS_DECAP_GITHUB_CLIENT_ID", previous.id],
      ["PARLONS_DECAP_GITHUB_CLIENT_SECRET", previous.secret],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it("redirects to GitHub and fails a bad callback with nosniff", async () => {
    process.env.PARLONS_DECAP_GITHUB_CLIENT_ID = "client";
    process.env.PARLONS_DECAP_GITHUB_CLIENT_SECRET = "secret";
    const entry = (await import(new URL("decap-auth.ts", dir).href)) as Entry;
    for (const path of ["/api/decap/auth", "/api/decap/callback"]) {
      const res = await invoke(entry, request(path));
      statuses.add(res.status);
      expect(res.headers.get("x-content-type-options"), `${path} → ${res.status}`).toBe("nosniff");
    }
  });
});

it("covered JSON, HTML, refusals and redirects", () => {
  for (const status of [200, 201, 302, 303, 400, 401, 403, 404, 405]) expect(statuses, `no ${status} seen`).toContain(status);
});
