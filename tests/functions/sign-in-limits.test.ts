// Sign-in limits per network address through the real functions (issue 6, point 11): a town hall of 100
// residents posting the plain form from the mairie's one address all get their mail; a spray from one address
// stops at the hard ceiling; past the soft threshold a scripted client must solve the proof of work, and a
// solved one is accepted once; IPv6 addresses of one /64 share their limits; code guessing is capped.
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ipHash } from "../../functions/lib/auth/crypto.ts";
import { addressKey } from "../../functions/lib/auth/network.ts";
import { newChallenge, verifiedProof, type Challenge } from "../../functions/lib/auth/proof-of-work.ts";
import { listOutbox } from "../../functions/lib/mail/outbox.ts";
import { startHarness, type Harness } from "../../functions/lib/testing/harness.ts";
import { invoke, request } from "../../functions/lib/testing/requests.ts";
import { t } from "../../site/_lib/i18n/index.ts";
import * as signIn from "../../functions/api/auth-sign-in.ts";
import * as code from "../../functions/api/auth-code.ts";
import * as signInPage from "../../functions/api/page-sign-in.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});

let n = 0;
const newEmail = () => `habitant.${++n}.${Date.now()}@exemple.fr`;
const from = (ip: string) => ({ "x-forwarded-for": ip });

const askByForm = (email: string, ip: string, proof = "") =>
  invoke(signIn, request("/api/auth/sign-in", { form: { email, return_to: "/", lang: "fr", proof }, headers: from(ip) }));
const askByJson = (email: string, ip: string, proof?: string) =>
  invoke(signIn, request("/api/auth/sign-in", { json: { email, proof }, headers: from(ip) }));
const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

/** What a browser's script does with the challenge: find the number, send ALTCHA's base64 JSON payload. */
function solve(challenge: Challenge): string {
  for (let number = 0; number <= challenge.maxnumber; number++) {
    if (createHash("sha256").update(`${challenge.salt}${number}`).digest("hex") === challenge.challenge) {
      const { algorithm, salt, signature } = challenge;
      return Buffer.from(JSON.stringify({ algorithm, challenge: challenge.challenge, number, salt, signature })).toString("base64");
    }
  }
  throw new Error("unsolvable challenge");
}

/** The challenge the sign-in page hands its script, as the browser reads the attribute. */
async function pageChallenge(): Promise<Challenge> {
  const page = await (await invoke(signInPage, request("/connexion/"))).text();
  const attribute = /data-proof-challenge="([^"]+)"/.exec(page)![1]!;
  return JSON.parse(attribute.replaceAll("&quot;", '"').replaceAll("&amp;", "&")) as Challenge;
}

describe("network address keys", () => {
  it.each([
    ["192.0.2.10", "192.0.2.10"],
    ["::ffff:192.0.2.10", "192.0.2.10"],
    ["::FFFF:c000:020a", "192.0.2.10"],
    ["2001:db8:aa:bb:1:2:3:4", "2001:db8:aa:bb::/64"],
    ["2001:DB8:AA:BB::1", "2001:db8:aa:bb::/64"],
    ["[2001:db8:aa:bb::2]", "2001:db8:aa:bb::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["2001:db8::", "2001:db8:0:0::/64"],
    ["unknown", "unknown"],
  ])("keys %s as %s", (ip, key) => {
    expect(addressKey(ip)).toBe(key);
  });

  it("hashes addresses of one /64 alike and other /64s apart", () => {
    expect(ipHash("2001:db8:aa:bb:1::1")).toBe(ipHash("2001:db8:aa:bb:ffff::9"));
    expect(ipHash("2001:db8:aa:bc::1")).not.toBe(ipHash("2001:db8:aa:bb::1"));
    expect(ipHash("::ffff:203.0.113.5")).toBe(ipHash("203.0.113.5"));
  });
});

describe("proof of work", () => {
  it("accepts a solved challenge once verified, and nothing forged, wrong or expired", () => {
    const challenge = newChallenge(Date.now(), 1000);
    const proof = solve(challenge);
    expect(verifiedProof(proof)).toBe(challenge.challenge);
    const payload = JSON.parse(Buffer.from(proof, "base64").toString()) as Record<string, unknown>;
    const tampered = (change: Record<string, unknown>) => Buffer.from(JSON.stringify({ ...payload, ...change })).toString("base64");
    expect(verifiedProof(tampered({ number: (payload["number"] as number) + 1 }))).toBeNull();
    expect(verifiedProof(tampered({ signature: "0".repeat(64) }))).toBeNull();
    // A self-made challenge: right hash, but not signed by this server.
    const salt = "abc?expires=9999999999";
    const own = createHash("sha256").update(`${salt}7`).digest("hex");
    expect(verifiedProof(tampered({ salt, number: 7, challenge: own }))).toBeNull();
    expect(verifiedProof(proof, Date.now() + 11 * 60_000)).toBeNull();
    expect(verifiedProof("pas du base64 {")).toBeNull();
    expect(verifiedProof("")).toBeNull();
  });
});

describe("a town hall on one address, JavaScript off", () => {
  it("mails all 100 residents who post the plain form from the mairie's address within 10 minutes", async () => {
    const ip = "198.51.100.20";
    const emails = Array.from({ length: 100 }, newEmail);
    const statuses: string[] = [];
    for (const email of emails) {
      const res = await askByForm(email, ip);
      statuses.push(`${res.status} ${res.headers.get("location")}`);
    }
    expect(statuses).toEqual(Array(100).fill("303 /connexion/code/?return_to=%2F"));
    const mailed = new Set((await listOutbox()).map((mail) => mail.to));
    expect(emails.filter((email) => !mailed.has(email))).toEqual([]);
  });

  it("past the soft threshold, lets a resident without JavaScript ask once per 10 minutes, and again with the page's proof", async () => {
    const ip = "198.51.100.21";
    for (let i = 0; i < 20; i++) expect((await askByForm(newEmail(), ip)).status).toBe(303);
    const email = newEmail();
    expect((await askByForm(email, ip)).status).toBe(303);
    const again = await askByForm(email, ip);
    expect(again.status).toBe(429);
    const page = await again.text();
    expect(page).toContain(t("fr", "errors.rate_limited"));
    expect(page).toContain("data-proof-challenge=");
    // The same citizen with JavaScript: the script posted the solved challenge the page carried.
    expect((await askByForm(email, ip, solve(await pageChallenge()))).status).toBe(303);
  });
});

describe("a spray from one address", () => {
  it("stops 500 form posts of distinct emails at the 300th, and leaves other addresses alone", async () => {
    const ip = "203.0.113.66";
    const statuses: number[] = [];
    for (let i = 0; i < 500; i++) statuses.push((await askByForm(newEmail(), ip)).status);
    expect(statuses.slice(0, 300)).toEqual(Array(300).fill(303));
    expect(statuses.slice(300)).toEqual(Array(200).fill(429));
    const json = await askByJson(newEmail(), ip, solve(await pageChallenge()));
    expect(json.status).toBe(429);
    expect(await errorCode(json)).toBe("rate_limited");
    expect((await askByForm(newEmail(), "203.0.113.67")).status).toBe(303);
  });

  it("asks a scripted client for a proof past the soft threshold across one /64, accepts it once solved, never twice", async () => {
    const prefix = "2001:db8:5:6";
    for (let i = 0; i < 20; i++) expect((await askByJson(newEmail(), `${prefix}:${i}::1`)).status).toBe(202);
    const refused = await askByJson(newEmail(), `${prefix}:ffff::1`);
    expect(refused.status).toBe(429);
    expect(await errorCode(refused)).toBe("challenge_required");

    const challenge = await invoke(signIn, request("/api/auth/sign-in", { accept: "application/json" }));
    expect(challenge.headers.get("cache-control")).toBe("no-store");
    const proof = solve(((await challenge.json()) as { challenge: Challenge }).challenge);
    expect((await askByJson(newEmail(), `${prefix}:1::2`, proof)).status).toBe(202);
    const replayed = await askByJson(newEmail(), `${prefix}:1::3`, proof);
    expect(await errorCode(replayed)).toBe("challenge_required");
    expect((await askByJson(newEmail(), "2001:db8:5:7::1")).status).toBe(202);
  });
});

describe("code guessing from one address", () => {
  it("stops an address after 100 wrong codes an hour, with its own message, while other addresses go on", async () => {
    const ip = "192.0.2.99";
    const email = newEmail();
    expect((await askByForm(email, "192.0.2.98")).status).toBe(303);
    for (let i = 0; i < 100; i++) {
      const res = await invoke(code, request("/api/auth/code", { json: { email: newEmail(), code: "123456" }, headers: from(ip) }));
      expect(await errorCode(res)).toBe("sign_in_code_invalid");
    }
    const mail = await h.lastMail(email);
    const right = /\n(\d{6})\n/.exec(mail.text)![1]!;
    const stopped = await invoke(code, request("/api/auth/code", { form: { email, code: right, return_to: "/" }, headers: from(ip) }));
    expect(stopped.status).toBe(429);
    expect(await stopped.text()).toContain(t("fr", "errors.sign_in_code_rate_limited"));
    expect(await h.count("rate_limit_events", "bucket = 'sign_in_code_failure' and key = $1", [ipHash(ip)])).toBe(100);
    const elsewhere = await invoke(code, request("/api/auth/code", { json: { email, code: right }, headers: from("192.0.2.97") }));
    expect(elsewhere.status).toBe(200);
  });
});
