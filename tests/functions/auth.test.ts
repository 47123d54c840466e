// Sign-in through the functions, end to end: mail in the outbox → link or code → cookie → /api/session.
import { beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../../functions/lib/testing/harness.ts";
import { cookieFrom, invoke, request } from "../../functions/lib/testing/requests.ts";
import { confirmFields, openSignInLink } from "../../functions/lib/testing/sign-in.ts";
import * as signIn from "../../functions/api/auth-sign-in.ts";
import * as verify from "../../functions/api/auth-verify.ts";
import * as code from "../../functions/api/auth-code.ts";
import * as signOut from "../../functions/api/auth-sign-out.ts";
import * as session from "../../functions/api/session.ts";
import * as signInPage from "../../functions/api/page-sign-in.ts";
import * as codePage from "../../functions/api/page-sign-in-code.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});

let n = 0;
const newEmail = () => `Personne.${++n}.${Date.now()}@Exemple.FR`;

async function askMail(email: string, ip = `10.0.0.${n}`) {
  const res = await invoke(signIn, request("/api/auth/sign-in", { json: { email, return_to: "/consultations/x/" }, headers: { "x-forwarded-for": ip } }));
  expect(res.status).toBe(202);
  const mail = await h.lastMail(email.toLowerCase());
  const link = new URL(/https?:\/\/\S+/.exec(mail.text)![0]);
  const sixDigits = /\n(\d{6})\n/.exec(mail.text)![1]!;
  return { link, code: sixDigits, mail };
}

async function whoIs(cookie: string | null) {
  const res = await invoke(session, request("/api/session", { cookie: cookie ?? undefined, accept: "application/json" }));
  return ((await res.json()) as { citizen: { id: string } | null }).citizen;
}

describe("sign-in by link", () => {
  it("mails a French link and code; opening the link only asks to confirm, and the confirmation signs in once", async () => {
    const email = newEmail();
    const { link, mail } = await askMail(email);
    expect(mail.subject).toContain("connexion");
    expect(mail.to).toBe(email.toLowerCase());
    expect(link.pathname).toBe("/api/auth/verify");
    expect(link.searchParams.get("return_to")).toBe("/consultations/x/");
    const token = link.searchParams.get("token")!;
    // Only hashes are stored.
    expect(await h.count("sign_in_requests", "token_hash = $1", [token])).toBe(0);

    // A mail scanner, then the citizen, open the link: a confirmation page each time, nothing consumed.
    const sessions = await h.count("sessions");
    for (let i = 0; i < 2; i++) {
      const opened = await invoke(verify, request(link.pathname + link.search));
      expect(opened.status).toBe(200);
      expect(opened.headers.getSetCookie()).toEqual([]);
      const page = await opened.text();
      expect(page).toContain("<title>Confirmer la connexion</title>");
      expect(page).toContain('<form class="pl-form" id="sign-in-confirm" method="post" action="/api/auth/verify">');
      expect(confirmFields(page)).toEqual({ token, return_to: "/consultations/x/", lang: "fr" });
    }
    expect(await h.count("sign_in_requests", "email = $1 and used_at is null", [email.toLowerCase()])).toBe(1);
    expect(await h.count("sessions")).toBe(sessions);

    const res = await invoke(verify, request("/api/auth/verify", { form: { token, return_to: "/consultations/x/", lang: "fr" } }));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/consultations/x/?flash=signed_in");
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith("parlons_session="))!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/Secure/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).toMatch(/Max-Age=2592000/);
    const cookie = cookieFrom(res, "parlons_session");
    expect((await whoIs(cookie))?.id).toMatch(/^[0-9a-f-]{36}$/);

    // Replayed confirmation (a second POST): refused with its code, as JSON and as a form, no second session.
    const after = await h.count("sessions");
    const replay = await invoke(verify, request("/api/auth/verify", { json: { token } }));
    expect(replay.status).toBe(400);
    expect(((await replay.json()) as { error: { code: string } }).error.code).toBe("sign_in_link_invalid");
    const replayHtml = await invoke(verify, request("/api/auth/verify", { form: { token, return_to: "/consultations/x/" } }));
    expect(replayHtml.status).toBe(400);
    const replayPage = await replayHtml.text();
    expect(replayPage).toContain("n’est pas valide ou a déjà servi");
    expect(replayPage).toContain('action="/api/auth/sign-in"');
    expect(await h.count("sessions")).toBe(after);
  });

  it("signs in with a JSON confirmation", async () => {
    const { link } = await askMail(newEmail());
    const res = await invoke(verify, request("/api/auth/verify", { json: { token: link.searchParams.get("token") } }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { citizen: { id: string } };
    expect((await whoIs(cookieFrom(res, "parlons_session")))?.id).toBe(body.citizen.id);
  });

  it("refuses a confirmation without same-origin proof, and leaves the link usable", async () => {
    const email = newEmail();
    const { link } = await askMail(email);
    const token = link.searchParams.get("token")!;
    const forged = await invoke(verify, request("/api/auth/verify", { form: { token }, sameOrigin: false, headers: { origin: "https://evil.example" } }));
    expect(forged.status).toBe(403);
    expect(forged.headers.getSetCookie()).toEqual([]);
    expect(await h.count("sign_in_requests", "email = $1 and used_at is null", [email.toLowerCase()])).toBe(1);
    expect(cookieFrom(await openSignInLink(link), "parlons_session")).not.toBeNull();
  });

  it("sends a malformed link to the sign-in form with the reason", async () => {
    const res = await invoke(verify, request("/api/auth/verify?token=abc&return_to=%2Fconsultations%2Fx%2F"));
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain("n’est pas valide ou a déjà servi");
    expect(page).toContain('name="return_to" value="/consultations/x/"');
    const posted = await invoke(verify, request("/api/auth/verify", { json: { token: "abc" } }));
    expect(((await posted.json()) as { error: { code: string } }).error.code).toBe("sign_in_link_invalid");
  });

  it("refuses a forged or tampered cookie", async () => {
    const { link } = await askMail(newEmail());
    const cookie = cookieFrom(await openSignInLink(link), "parlons_session")!;
    expect(await whoIs(cookie)).not.toBeNull();
    expect(await whoIs(cookie.slice(0, -2) + "00")).toBeNull();
    expect(await whoIs("parlons_session=00000000-0000-4000-8000-000000000000.abc")).toBeNull();
  });

  it("refuses an expired link", async () => {
    const { link } = await askMail(newEmail());
    await h.port.db.query("update public.sign_in_requests set created_at = now() - interval '20 minutes', expires_at = now() - interval '5 minutes' where used_at is null");
    const res = await invoke(verify, request("/api/auth/verify", { json: { token: link.searchParams.get("token") } }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("sign_in_expired");
  });

  it("never redirects off site after sign-in", async () => {
    const email = newEmail();
    await invoke(signIn, request("/api/auth/sign-in", { json: { email, return_to: "https://evil.example/" } }));
    const link = new URL(/https?:\/\/\S+/.exec((await h.lastMail(email.toLowerCase())).text)![0]);
    expect(link.searchParams.get("return_to")).toBe("/");
    const page = await invoke(verify, request(`/api/auth/verify?token=${link.searchParams.get("token")}&return_to=//evil.example/`));
    expect(confirmFields(await page.text()).return_to).toBe("/");
    const res = await invoke(verify, request("/api/auth/verify", { form: { token: link.searchParams.get("token")!, return_to: "//evil.example/" } }));
    expect(res.headers.get("location")).toBe("/?flash=signed_in");
  });
});

describe("sign-in by code", () => {
  it("accepts the code with the address in another case, as a plain form", async () => {
    const email = newEmail();
    const form = await invoke(signIn, request("/api/auth/sign-in", { form: { email, return_to: "/consultations/y/" } }));
    expect(form.status).toBe(303);
    expect(form.headers.get("location")).toBe("/connexion/code/?return_to=%2Fconsultations%2Fy%2F");
    const emailCookie = cookieFrom(form, "parlons_sign_in_email")!;
    const page = await invoke(codePage, request("/connexion/code/?return_to=%2Fconsultations%2Fy%2F", { cookie: emailCookie }));
    expect(await page.text()).toContain(`value="${email.toLowerCase()}"`);

    const { code: six } = { code: /\n(\d{6})\n/.exec((await h.lastMail(email.toLowerCase())).text)![1]! };
    const res = await invoke(code, request("/api/auth/code", { form: { email: email.toUpperCase(), code: six, return_to: "/consultations/y/" } }));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/consultations/y/?flash=signed_in");
    expect(await whoIs(cookieFrom(res, "parlons_session"))).not.toBeNull();
  });

  it("counts wrong codes and burns the request after 5", async () => {
    const email = newEmail();
    const { code: right } = await askMail(email);
    const wrong = right === "000000" ? "111111" : "000000";
    for (let i = 1; i <= 4; i++) {
      const res = await invoke(code, request("/api/auth/code", { json: { email, code: wrong } }));
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("sign_in_code_invalid");
    }
    // The 5th wrong one, as a form: shown again with the error next to the code field and the address kept.
    const fifth = await invoke(code, request("/api/auth/code", { form: { email, code: wrong, return_to: "/" } }));
    expect(fifth.status).toBe(429);
    const page = await fifth.text();
    expect(page).toContain('role="alert"');
    expect(page).toContain(`value="${email}"`);
    expect(page).toContain("Trop de codes erronés");
    // Even the right code is now refused.
    const late = await invoke(code, request("/api/auth/code", { json: { email, code: right } }));
    expect(late.status).toBe(429);
    expect(((await late.json()) as { error: { code: string } }).error.code).toBe("sign_in_too_many_attempts");
  });

  it("refuses an expired code and a malformed one", async () => {
    const email = newEmail();
    const { code: right } = await askMail(email);
    await h.port.db.query("update public.sign_in_requests set created_at = now() - interval '20 minutes', expires_at = now() - interval '5 minutes' where email = $1", [email.toLowerCase()]);
    const sessions = await h.count("sessions");
    const res = await invoke(code, request("/api/auth/code", { json: { email, code: right } }));
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("sign_in_expired");
    const bad = await invoke(code, request("/api/auth/code", { json: { email, code: "12ab56" } }));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "invalid_input", details: { code: "Le code est composé de 6 chiffres." } } });
    expect(await h.count("sessions")).toBe(sessions);
  });
});

describe("sign-in requests", () => {
  it("rate-limits one address and leaves no request row for refused ones", async () => {
    const email = newEmail();
    for (let i = 0; i < 5; i++) await askMail(email, `10.1.0.${i}`);
    const before = await h.count("sign_in_requests");
    const res = await invoke(signIn, request("/api/auth/sign-in", { json: { email } }));
    expect(res.status).toBe(429);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: "rate_limited" });
    expect(await h.count("sign_in_requests")).toBe(before);
  });

  // Limits per network address (a town hall, a spray, IPv6 /64s): tests/functions/sign-in-limits.test.ts.

  it("shows the sign-in form again with the typed address when it is invalid", async () => {
    const before = await h.count("sign_in_requests");
    const res = await invoke(signIn, request("/api/auth/sign-in", { form: { email: "pas-une-adresse", return_to: "/" } }));
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('class="pl-error-summary" role="alert"');
    expect(page).toContain('href="#sign-in-email"');
    expect(page).toContain('value="pas-une-adresse"');
    expect(page).toContain('aria-describedby="sign-in-email-hint sign-in-email-error"');
    expect(await h.count("sign_in_requests")).toBe(before);
  });

  it("refuses a sign-in request without same-origin proof", async () => {
    const before = await h.count("sign_in_requests");
    const res = await invoke(signIn, request("/api/auth/sign-in", { json: { email: newEmail() }, sameOrigin: false, headers: { origin: "https://evil.example" } }));
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("csrf_failed");
    expect(await h.count("sign_in_requests")).toBe(before);
  });

  it("serves the sign-in page", async () => {
    const res = await invoke(signInPage, request("/connexion/?return_to=%2Fconsultations%2Fz%2F"));
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain('name="return_to" value="/consultations/z/"');
    expect(page).toContain('<label class="pl-field__label" for="sign-in-email">');
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
  });
});

describe("sessions", () => {
  it("end after 30 days without use, and the stale cookie is dropped", async () => {
    const { link } = await askMail(newEmail());
    const cookie = cookieFrom(await openSignInLink(link), "parlons_session")!;
    const id = cookie.split("=")[1]!.split(".")[0]!;
    await h.port.db.query("update public.sessions set last_seen_at = now() - interval '31 days', expires_at = now() - interval '1 day' where id = $1", [id]);
    const after = await invoke(session, request("/api/session", { cookie }));
    expect(await after.json()).toEqual({ citizen: null });
    expect(after.headers.getSetCookie()[0]).toMatch(/^parlons_session=; .*Max-Age=0/);
  });
});

describe("sign-out", () => {
  it("signs out one session, or every session of the citizen", async () => {
    const email = newEmail();
    const open = async () => {
      const { link } = await askMail(email, `10.2.0.${Math.random()}`);
      return cookieFrom(await openSignInLink(link), "parlons_session")!;
    };
    const [a, b, c] = [await open(), await open(), await open()];
    const one = await invoke(signOut, request("/api/auth/sign-out", { form: { return_to: "/" }, cookie: a }));
    expect(one.status).toBe(303);
    expect(one.headers.get("location")).toBe("/?flash=signed_out");
    expect(one.headers.getSetCookie()[0]).toMatch(/^parlons_session=; .*Max-Age=0/);
    expect(await whoIs(a)).toBeNull();
    expect(await whoIs(b)).not.toBeNull();

    const all = await invoke(signOut, request("/api/auth/sign-out", { json: { everywhere: true }, cookie: b }));
    expect(await all.json()).toEqual({ revoked: 2 });
    expect(await whoIs(b)).toBeNull();
    expect(await whoIs(c)).toBeNull();
  });
});
