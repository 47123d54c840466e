// A self-hosted proof of work, in ALTCHA's format (altcha.org: find n ≤ maxnumber with
// SHA-256(salt + n) = challenge), asked of a network address only past its soft sign-in threshold.
// The crypto lives here; whether a proof is needed, and whether it was already used, is decided in SQL
// (request_sign_in), which receives only the verified challenge as a single-use key.
import { randomBytes } from "node:crypto";
import * as z from "zod/mini";
import { keyedHash, safeEqual, sha256 } from "./crypto.ts";

/** Tuned so a phone's WebCrypto finds it in about a second (site/assets/js/sign-in.ts), a bot pays per request. */
export const proofMaxNumber = 50_000;
const lifetimeSeconds = 10 * 60;

export interface Challenge {
  algorithm: "SHA-256";
  challenge: string;
  maxnumber: number;
  salt: string;
  signature: string;
}

const signatureOf = (challenge: string) => keyedHash("proof-of-work", challenge);

/** A fresh challenge, signed so the server keeps no state until a solution comes back. */
export function newChallenge(now = Date.now(), maxnumber = proofMaxNumber): Challenge {
  // ALTCHA carries the expiry inside the salt, so it is covered by the hash and cannot be stretched.
  const salt = `${randomBytes(12).toString("hex")}?expires=${Math.floor(now / 1000) + lifetimeSeconds}`;
  const number = Math.floor(Math.random() * (maxnumber + 1));
  const challenge = sha256(`${salt}${number}`);
  return { algorithm: "SHA-256", challenge, maxnumber, salt, signature: signatureOf(challenge) };
}

const solution = z.object({
  algorithm: z.literal("SHA-256"),
  challenge: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  number: z.int().check(z.nonnegative()),
  salt: z.string().check(z.maxLength(200)),
  signature: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
});

/** The form field (base64 JSON, as the ALTCHA widget sends it); empty when the browser ran no script. */
export const proofField = z.optional(z.string().check(z.maxLength(2000)));

/** The solved challenge, to be spent once in SQL, or null when the payload is absent, forged, wrong or expired. */
export function verifiedProof(payload: string | undefined, now = Date.now()): string | null {
  if (!payload) return null;
  let parsed: z.infer<typeof solution>;
  try {
    parsed = solution.parse(JSON.parse(Buffer.from(payload, "base64").toString("utf8")));
  } catch {
    return null;
  }
  const expires = Number(/[?&]expires=(\d+)/.exec(parsed.salt)?.[1]);
  if (!(expires * 1000 > now)) return null;
  if (!safeEqual(parsed.signature, signatureOf(parsed.challenge))) return null;
  if (sha256(`${parsed.salt}${parsed.number}`) !== parsed.challenge) return null;
  return parsed.challenge;
}
