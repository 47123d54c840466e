// Sign-in and sessions: single-use links and codes, 15-minute expiry, 5 code attempts, rate limits, sliding
// 30-day sessions, sign-out. Refusals are asserted by machine code.
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { randomHash, type TestDataPort } from "../../functions/lib/db/testing.ts";
import { describeEachDatabase } from "./databases.ts";

type Session = { citizen_id: string; session_id: string };

const newEmail = () => `Person.${randomUUID()}@Example.org`;

async function request(db: TestDataPort, email: string, ip = randomHash()) {
  const token = randomHash();
  const code = randomHash();
  await db.call("request_sign_in", { p_email: email, p_ip_hash: ip, p_token_hash: token, p_code_hash: code });
  return { token, code };
}

const age = (db: TestDataPort, email: string, interval: string) =>
  db.sql(
    `update public.sign_in_requests set created_at = created_at - $2::interval, expires_at = expires_at - $2::interval
      where email = $1`,
    [email.toLowerCase(), interval],
  );

describeEachDatabase("sign-in", (port) => {
  it("stores hashes only and answers with a 15-minute expiry", async () => {
    const db = port();
    const email = newEmail();
    const { token, code } = await request(db, email);
    const [row] = await db.sql<{ email: string; token_hash: string; code_hash: string; minutes: number }>(
      `select email::text, token_hash, code_hash, extract(epoch from expires_at - created_at) / 60 as minutes
         from public.sign_in_requests where token_hash = $1`,
      [token],
    );
    expect(row).toMatchObject({ email: email.toLowerCase(), token_hash: token, code_hash: code });
    expect(Number(row!.minutes)).toBe(15);
    await expect(
      db.sql("update public.sign_in_requests set expires_at = expires_at + interval '1 hour' where token_hash = $1", [token]),
    ).rejects.toMatchObject({ code: "23514" });
  });

  it("refuses hashes that are not 64 hex characters, and oversized emails", async () => {
    const db = port();
    await expect(
      db.call("request_sign_in", { p_email: newEmail(), p_ip_hash: randomHash(), p_token_hash: "123456", p_code_hash: randomHash() }),
    ).rejects.toMatchObject({ code: "invalid_input" });
    await expect(
      db.call("request_sign_in", { p_email: `${"a".repeat(250)}@x.fr`, p_ip_hash: randomHash(), p_token_hash: randomHash(), p_code_hash: randomHash() }),
    ).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("signs in once with a link, then refuses the replayed link and the same request's code", async () => {
    const db = port();
    const email = newEmail();
    const { token, code } = await request(db, email);
    const session = await db.call<Session>("consume_sign_in_link", { p_token_hash: token, p_user_agent: "Firefox" });
    expect(session).toEqual({ citizen_id: expect.any(String), session_id: expect.any(String) });
    await expect(db.call("consume_sign_in_link", { p_token_hash: token })).rejects.toMatchObject({ code: "sign_in_link_invalid", status: 400 });
    await expect(db.call("consume_sign_in_code", { p_email: email, p_code_hash: code, p_ip_hash: randomHash() })).rejects.toMatchObject({ code: "sign_in_code_invalid" });
    await expect(db.call("consume_sign_in_link", { p_token_hash: randomHash() })).rejects.toMatchObject({ code: "sign_in_link_invalid" });
  });

  it("expires links and codes after 15 minutes", async () => {
    const db = port();
    const email = newEmail();
    const { token, code } = await request(db, email);
    await age(db, email, "15 minutes 1 second");
    await expect(db.call("consume_sign_in_link", { p_token_hash: token })).rejects.toMatchObject({ code: "sign_in_expired" });
    await expect(db.call("consume_sign_in_code", { p_email: email, p_code_hash: code, p_ip_hash: randomHash() })).rejects.toMatchObject({ code: "sign_in_expired" });
  });

  it("accepts the code whatever the case of the email, and finds the same citizen again", async () => {
    const db = port();
    const email = newEmail();
    const first = await request(db, email);
    const viaCode = await db.call<Session>("consume_sign_in_code", { p_email: email.toUpperCase(), p_code_hash: first.code, p_ip_hash: randomHash() });
    const second = await request(db, email.toLowerCase());
    const viaLink = await db.call<Session>("consume_sign_in_link", { p_token_hash: second.token });
    expect(viaLink.citizen_id).toBe(viaCode.citizen_id);
    expect(viaLink.session_id).not.toBe(viaCode.session_id);
    const [identity] = await db.sql<{ provider: string; subject: string; methods: string[] }>(
      `select i.provider, i.subject, array_agg(s.method order by s.created_at) as methods
         from public.identities i join public.sessions s on s.identity_id = i.id
        where i.citizen_id = $1 group by i.provider, i.subject`,
      [viaCode.citizen_id],
    );
    expect(identity).toEqual({ provider: "email", subject: email.toLowerCase(), methods: ["email_code", "email_link"] });
  });

  it("counts wrong codes and burns the request at the fifth", async () => {
    const db = port();
    const email = newEmail();
    const { token, code } = await request(db, email);
    for (let attempt = 1; attempt <= 4; attempt++) {
      await expect(db.call("consume_sign_in_code", { p_email: email, p_code_hash: randomHash(), p_ip_hash: randomHash() })).rejects.toMatchObject({
        code: "sign_in_code_invalid",
      });
    }
    await expect(db.call("consume_sign_in_code", { p_email: email, p_code_hash: randomHash(), p_ip_hash: randomHash() })).rejects.toMatchObject({
      code: "sign_in_too_many_attempts",
      status: 429,
    });
    await expect(db.call("consume_sign_in_code", { p_email: email, p_code_hash: code, p_ip_hash: randomHash() })).rejects.toMatchObject({
      code: "sign_in_too_many_attempts",
    });
    await expect(db.call("consume_sign_in_link", { p_token_hash: token })).rejects.toMatchObject({ code: "sign_in_link_invalid" });
    const [row] = await db.sql<{ attempts: number }>("select attempts from public.sign_in_requests where token_hash = $1", [token]);
    expect(row!.attempts).toBe(5);
  });

  it("still accepts the right code after fewer than five wrong ones", async () => {
    const db = port();
    const email = newEmail();
    const { code } = await request(db, email);
    await expect(db.call("consume_sign_in_code", { p_email: email, p_code_hash: randomHash(), p_ip_hash: randomHash() })).rejects.toMatchObject({ code: "sign_in_code_invalid" });
    await expect(db.call("consume_sign_in_code", { p_email: email, p_code_hash: code, p_ip_hash: randomHash() })).resolves.toMatchObject({ session_id: expect.any(String) });
  });

  it("refuses a code for an email that asked for nothing", async () => {
    await expect(port().call("consume_sign_in_code", { p_email: newEmail(), p_code_hash: randomHash(), p_ip_hash: randomHash() })).rejects.toMatchObject({
      code: "sign_in_code_invalid",
    });
  });

  it("allows 5 requests an hour per email, then rate-limits it", async () => {
    const db = port();
    const email = newEmail();
    for (let i = 0; i < 5; i++) await request(db, i % 2 ? email.toLowerCase() : email);
    await expect(request(db, email)).rejects.toMatchObject({ code: "rate_limited", status: 429 });
    await db.sql("update public.rate_limit_events set at = at - interval '61 minutes'");
    await expect(request(db, email)).resolves.toBeDefined();
  });

  // Limits per network address (distinct emails, proof of work, wrong codes): tests/db/sign-in-limits.test.ts.

  it("holds the per-email limit under parallel requests", async () => {
    const db = port();
    const email = newEmail();
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => request(db, email)));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(5);
    expect(results.filter((result) => result.status === "rejected").map((result) => (result as PromiseRejectedResult).reason.code))
      .toEqual(Array(15).fill("rate_limited"));
  });
});

describeEachDatabase("sessions", (port) => {
  async function newSession(db: TestDataPort): Promise<Session> {
    const { token } = await request(db, newEmail());
    return db.call<Session>("consume_sign_in_link", { p_token_hash: token, p_user_agent: "x".repeat(1000) });
  }

  it("resolves a session and slides its expiry to 30 days after the last use", async () => {
    const db = port();
    const session = await newSession(db);
    await db.sql(
      `update public.sessions set last_seen_at = now() - interval '10 days', expires_at = now() + interval '20 days' where id = $1`,
      [session.session_id],
    );
    await expect(db.call("touch_session", { p_session_id: session.session_id })).resolves.toEqual({
      citizen_id: session.citizen_id, display_name: null, session_id: session.session_id,
    });
    const [row] = await db.sql<{ days: number; ua: number }>(
      `select round(extract(epoch from expires_at - now()) / 86400) as days, char_length(user_agent) as ua
         from public.sessions where id = $1`,
      [session.session_id],
    );
    expect(Number(row!.days)).toBe(30);
    expect(row!.ua).toBe(400);
  });

  it("expires a session unused for 30 days", async () => {
    const db = port();
    const session = await newSession(db);
    await db.sql(
      `update public.sessions set last_seen_at = now() - interval '30 days', expires_at = now() - interval '1 second' where id = $1`,
      [session.session_id],
    );
    await expect(db.call("touch_session", { p_session_id: session.session_id })).rejects.toMatchObject({ code: "session_expired", status: 401 });
  });

  it("signs out one session, or every session of the citizen", async () => {
    const db = port();
    const email = newEmail();
    const sessions: Session[] = [];
    for (let i = 0; i < 3; i++) {
      const { token } = await request(db, email);
      sessions.push(await db.call<Session>("consume_sign_in_link", { p_token_hash: token }));
    }
    const [first, second, third] = sessions as [Session, Session, Session];
    await expect(db.call("sign_out", { p_session_id: first.session_id })).resolves.toEqual({ revoked: 1 });
    await expect(db.call("touch_session", { p_session_id: first.session_id })).rejects.toMatchObject({ code: "session_expired" });
    await expect(db.call("touch_session", { p_session_id: second.session_id })).resolves.toBeDefined();
    await expect(db.call("sign_out", { p_session_id: second.session_id, p_everywhere: true })).resolves.toEqual({ revoked: 2 });
    await expect(db.call("touch_session", { p_session_id: third.session_id })).rejects.toMatchObject({ code: "session_expired" });
  });

  it("refuses an unknown or malformed session id", async () => {
    const db = port();
    await expect(db.call("touch_session", { p_session_id: randomUUID() })).rejects.toMatchObject({ code: "session_expired" });
    await expect(db.call("touch_session", { p_session_id: "not-a-uuid" })).rejects.toMatchObject({ code: "invalid_input" });
  });
});
