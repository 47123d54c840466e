// Issue 6, point 5: however a `return_to` is disguised, no page prints it and no redirect sends it anywhere but
// a path of this site. Every hostile form goes through the real handlers as a query parameter (GET pages, error
// pages) and as a form field (303 redirects, the mailed link, re-rendered forms).
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { origin, startHarness, type Harness } from "../../functions/lib/testing/harness.ts";
import { invoke, request, type Entry } from "../../functions/lib/testing/requests.ts";
import * as listPage from "../../functions/api/page-propositions.ts";
import * as proposition from "../../functions/api/proposition.ts";
import * as signInPage from "../../functions/api/page-sign-in.ts";
import * as codePage from "../../functions/api/page-sign-in-code.ts";
import * as verify from "../../functions/api/auth-verify.ts";
import * as signIn from "../../functions/api/auth-sign-in.ts";
import * as signOut from "../../functions/api/auth-sign-out.ts";

/** A path of this site: one slash, then neither a slash nor a backslash (which browsers read as a slash). */
const samePath = /^\/(?![/\\])/;

const hostile = [
  "/..//evil.example",
  "/.//evil.example",
  "/a/..//evil.example",
  "/a/b/../..//evil.example",
  "/%2e%2e//evil.example",
  "/%2E//evil.example",
  "/%2e//evil.example",
  "/.%2e//evil.example",
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "/\\/evil.example",
  "\\\\evil.example",
  "/..\\/evil.example",
  "/.\\\\evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/.\t.//evil.example",
  "/%09/evil.example",
  "/%0a/evil.example",
  "/%2f/evil.example",
  "/%2F%2Fevil.example",
  "/%5c/evil.example",
  "/%5C%5Cevil.example",
  "%2f%2fevil.example",
  "https:evil.example",
  "https://evil.example",
  "http:/evil.example",
  "https:/\\evil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  " //evil.example",
  "/\u0000//evil.example",
  "/\uff0f/evil.example",
  "\uff0f\uff0fevil.example",
  "/\uff3cevil.example",
  "/\u2215/evil.example",
  "/..%2f/evil.example",
];

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
/** What the browser reads from an attribute: every entity decoded, so `&#47;` cannot hide a slash. */
function decodeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== "#") return entities[name.toLowerCase()] ?? whole;
    return String.fromCodePoint(name[1]!.toLowerCase() === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
  });
}

/** A printed or redirected URL must be a path here, and so must any `return_to` it carries onward. */
function expectSafe(value: string, where: string): void {
  expect(value, where).toMatch(samePath);
  const onward = new URL(value, origin).searchParams.get("return_to");
  if (onward !== null) expect(onward, `${where} → return_to`).toMatch(samePath);
}

/** Every link, form target and hidden `return_to` a page prints (links within the page itself aside). */
function expectPrintedSafe(markup: string, where: string): number {
  const found = [
    ...markup.matchAll(/\s(?:href|action)="(?!#)([^"]*)"/g),
    ...markup.matchAll(/name="return_to" value="([^"]*)"/g),
  ].map((m) => decodeAttribute(m[1]!));
  for (const value of found) expectSafe(value, where);
  return found.length;
}

async function page(entry: Entry, path: string, returnTo: string, extra = ""): Promise<string> {
  const res = await invoke(entry, request(`${path}?return_to=${encodeURIComponent(returnTo)}${extra}`, { accept: "text/html" }));
  expect(res.headers.get("content-type")).toMatch(/^text\/html/);
  return res.text();
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});

describe.each(hostile)("return_to %j", (value) => {
  it("is printed as a path of this site on error pages", async () => {
    const listError = await page(listPage, "/consultations/inconnue/propositions/", value);
    expect(listError).toContain('class="pl-error-page"');
    expect(expectPrintedSafe(listError, "unknown consultation page")).toBeGreaterThan(0);
    const apiError = await page(proposition, "/api/propositions/x", value);
    expect(apiError).toContain('class="pl-error-page"');
    expectPrintedSafe(apiError, "unknown proposition page");
  });

  it("is printed as a path of this site on sign-in pages", async () => {
    for (const [entry, path, extra] of [
      [signInPage, "/connexion/", ""],
      [signInPage, "/en/connexion/", ""],
      [codePage, "/connexion/code/", ""],
      [verify, "/api/auth/verify", `&token=${"a".repeat(43)}`],
    ] as const) {
      const markup = await page(entry, path, value, extra);
      expect(expectPrintedSafe(markup, path)).toBeGreaterThan(0);
    }
    // A refused form shows the page again with the posted return_to in it.
    const refused = await invoke(signIn, request("/api/auth/sign-in", { form: { email: "pas-une-adresse", return_to: value } }));
    expect(refused.status).toBe(400);
    expectPrintedSafe(await refused.text(), "refused sign-in form");
    const badLink = await invoke(verify, request("/api/auth/verify", { form: { token: "b".repeat(43), return_to: value } }));
    expect(badLink.status).toBe(400);
    expectPrintedSafe(await badLink.text(), "unknown sign-in link");
  });

  it("redirects (303) and mails only paths of this site", async () => {
    const out = await invoke(signOut, request("/api/auth/sign-out", { form: { return_to: value } }));
    expect(out.status).toBe(303);
    expectSafe(out.headers.get("location")!, "sign-out 303");

    const email = `retour-${randomUUID()}@exemple.fr`;
    const asked = await invoke(
      signIn,
      request("/api/auth/sign-in", { form: { email, return_to: value }, headers: { "x-forwarded-for": `198.51.100.${randomUUID()}` } }),
    );
    expect(asked.status).toBe(303);
    expectSafe(asked.headers.get("location")!, "sign-in 303");
    const link = new URL(/https?:\/\/\S+/.exec((await h.lastMail(email)).text)![0]);
    expect(link.origin).toBe(origin);
    expect(link.searchParams.get("return_to")).toMatch(samePath);
  });
});

it("keeps an ordinary path with its query and fragment", async () => {
  const res = await invoke(signOut, request("/api/auth/sign-out", { form: { return_to: "/consultations/velo/?sort=popular#p1" } }));
  expect(res.headers.get("location")).toBe("/consultations/velo/?sort=popular&flash=signed_out#p1");
});
