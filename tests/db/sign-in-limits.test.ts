// Sign-in limits per network address (issue 6, point 11): a town hall of 100 people on one address gets in,
// a spray or a code-guesser on one address is stopped. Addresses, proofs and codes are opaque hashes here;
// tests/functions/sign-in-limits.test.ts drives the same rules through real Requests.
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { randomHash, type TestDataPort } from "../../functions/lib/db/testing.ts";
import { describeEachDatabase } from "./databases.ts";

const newEmail = () => `habitant.${randomUUID()}@exemple.fr`;

interface Ask {
  ip: string;
  proof?: string;
  canProve?: boolean;
}

function ask(db: TestDataPort, email: string, { ip, proof, canProve }: Ask) {
  return db.call("request_sign_in", {
    p_email: email,
    p_ip_hash: ip,
    p_token_hash: randomHash(),
    p_code_hash: randomHash(),
    p_proof: proof,
    p_can_prove: canProve,
  });
}

/** Outcome of each call, in order: "ok" or the refusal's machine code. */
async function outcomes(calls: (() => Promise<unknown>)[]): Promise<string[]> {
  const results: string[] = [];
  for (const call of calls) results.push(await call().then(() => "ok", (error: { code: string }) => error.code));
  return results;
}

const age = (db: TestDataPort, ip: string, interval: string) =>
  db.sql("update public.rate_limit_events set at = at - $2::interval where key = $1", [ip, interval]);

/** Past the soft threshold: 20 distinct emails from the address in the last 10 minutes. */
async function busy(db: TestDataPort, ip: string): Promise<void> {
  for (let i = 0; i < 20; i++) await ask(db, newEmail(), { ip });
}

describeEachDatabase(
  "sign-in limits per address",
  (port) => {
    it("lets 100 different people in from one address within 10 minutes, with no proof of work", async () => {
      const db = port();
      const ip = randomHash();
      const results = await outcomes(Array.from({ length: 100 }, () => () => ask(db, newEmail(), { ip })));
      expect(results).toEqual(Array(100).fill("ok"));
    });

    it("below the soft threshold, keeps 5 mails an hour per email", async () => {
      const db = port();
      const ip = randomHash();
      const email = newEmail();
      const results = await outcomes(Array.from({ length: 6 }, () => () => ask(db, email, { ip })));
      expect(results).toEqual(["ok", "ok", "ok", "ok", "ok", "rate_limited"]);
    });

    it("past the soft threshold without a proof, allows 1 mail per email per 10 minutes", async () => {
      const db = port();
      const ip = randomHash();
      await busy(db, ip);
      const email = newEmail();
      expect(await outcomes([() => ask(db, email, { ip }), () => ask(db, email, { ip })])).toEqual(["ok", "rate_limited"]);
      // A solved proof lifts the stricter limit.
      await expect(ask(db, email, { ip, proof: randomHash() })).resolves.toBeDefined();
      // Ten minutes on, the address is quiet again and the email may ask without a proof.
      await age(db, ip, "10 minutes 1 second");
      await db.sql(
        `update public.rate_limit_events set at = at - interval '10 minutes 1 second'
          where bucket = 'sign_in_email' and key = encode(extensions.digest($1, 'sha256'), 'hex')`,
        [email],
      );
      await expect(ask(db, email, { ip })).resolves.toBeDefined();
    });

    it("asks a client that can prove for a proof only past the soft threshold, and spends each proof once", async () => {
      const db = port();
      const ip = randomHash();
      for (let i = 0; i < 20; i++) await expect(ask(db, newEmail(), { ip, canProve: true })).resolves.toBeDefined();
      await expect(ask(db, newEmail(), { ip, canProve: true })).rejects.toMatchObject({ code: "challenge_required", status: 429 });
      const proof = randomHash();
      await expect(ask(db, newEmail(), { ip, canProve: true, proof })).resolves.toBeDefined();
      await expect(ask(db, newEmail(), { ip, canProve: true, proof })).rejects.toMatchObject({ code: "challenge_required" });
      // A refused request spends nothing: the proof still works once.
      const [{ spent }] = await db.sql<{ spent: number }>(
        "select count(*)::int as spent from public.rate_limit_events where bucket = 'sign_in_proof' and key = $1",
        [proof],
      ) as [{ spent: number }];
      expect(spent).toBe(1);
      // Another address is not concerned.
      await expect(ask(db, newEmail(), { ip: randomHash(), canProve: true })).resolves.toBeDefined();
    });

    it("stops one address spraying 500 emails at 300 distinct emails an hour, proof or not", async () => {
      const db = port();
      const ip = randomHash();
      const emails = Array.from({ length: 500 }, newEmail);
      const results = await outcomes(emails.map((email) => () => ask(db, email, { ip })));
      expect(results.slice(0, 300)).toEqual(Array(300).fill("ok"));
      expect(results.slice(300)).toEqual(Array(200).fill("rate_limited"));
      await expect(ask(db, newEmail(), { ip, proof: randomHash() })).rejects.toMatchObject({ code: "rate_limited" });
      // An email the address already asked for may still ask again (a citizen whose mail is late).
      await expect(ask(db, emails[0]!, { ip, proof: randomHash() })).resolves.toBeDefined();
      await expect(ask(db, newEmail(), { ip: randomHash() })).resolves.toBeDefined();
      await age(db, ip, "61 minutes");
      await expect(ask(db, newEmail(), { ip })).resolves.toBeDefined();
    });

    it("stops an address at 600 requests an hour, even to emails it already asked for", async () => {
      const db = port();
      const ip = randomHash();
      const email = newEmail();
      await db.sql(
        `insert into public.rate_limit_events (bucket, key, detail)
         select 'sign_in_ip', $1, encode(extensions.digest(g::text, 'sha256'), 'hex') from generate_series(1, 100) g,
                generate_series(1, 6)`,
        [ip],
      );
      await expect(ask(db, email, { ip, proof: randomHash() })).rejects.toMatchObject({ code: "rate_limited" });
    });

    it("holds the distinct-email ceiling under parallel requests", async () => {
      const db = port();
      const ip = randomHash();
      await db.sql(
        `insert into public.rate_limit_events (bucket, key, detail)
         select 'sign_in_ip', $1, encode(extensions.digest(g::text, 'sha256'), 'hex') from generate_series(1, 295) g`,
        [ip],
      );
      const results = await Promise.all(
        Array.from({ length: 20 }, () => ask(db, newEmail(), { ip, proof: randomHash() }).then(() => "ok", (e: { code: string }) => e.code)),
      );
      expect(results.filter((r) => r === "ok")).toHaveLength(5);
      expect(results.filter((r) => r !== "ok")).toEqual(Array(15).fill("rate_limited"));
    });

    it("keeps no email findable from the address events", async () => {
      const db = port();
      const ip = randomHash();
      const email = newEmail();
      await ask(db, email, { ip });
      const rows = await db.sql<{ bucket: string; found: boolean }>(
        `select bucket, detail = encode(extensions.digest($2, 'sha256'), 'hex') as found
           from public.rate_limit_events where key = $1`,
        [ip, email],
      );
      expect(rows).toEqual([{ bucket: "sign_in_ip", found: false }]);
    });

    it("stops an address after 100 wrong codes an hour, right code included, while its links still work", async () => {
      const db = port();
      const ip = randomHash();
      const email = newEmail();
      const token = randomHash();
      const code = randomHash();
      await db.call("request_sign_in", { p_email: email, p_ip_hash: randomHash(), p_token_hash: token, p_code_hash: code });
      // Guesses at emails that asked for nothing count too: the guesser does not know which ones did.
      const guesses = await outcomes(
        Array.from({ length: 100 }, () => () => db.call("consume_sign_in_code", { p_email: newEmail(), p_code_hash: randomHash(), p_ip_hash: ip })),
      );
      expect(guesses).toEqual(Array(100).fill("sign_in_code_invalid"));
      await expect(db.call("consume_sign_in_code", { p_email: email, p_code_hash: code, p_ip_hash: ip })).rejects.toMatchObject({
        code: "sign_in_code_rate_limited",
        status: 429,
      });
      await expect(db.call("consume_sign_in_link", { p_token_hash: token })).resolves.toMatchObject({ session_id: expect.any(String) });

      const other = newEmail();
      const second = { token: randomHash(), code: randomHash() };
      await db.call("request_sign_in", { p_email: other, p_ip_hash: randomHash(), p_token_hash: second.token, p_code_hash: second.code });
      await expect(db.call("consume_sign_in_code", { p_email: other, p_code_hash: second.code, p_ip_hash: randomHash() })).resolves.toMatchObject({
        session_id: expect.any(String),
      });
      await age(db, ip, "61 minutes");
      await expect(db.call("consume_sign_in_code", { p_email: newEmail(), p_code_hash: randomHash(), p_ip_hash: ip })).rejects.toMatchObject({
        code: "sign_in_code_invalid",
      });
    });
  },
  { poolSize: 25 },
);
