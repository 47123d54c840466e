// The sign-in secrets: only their hashes reach the database, so a database leak cannot sign anyone in.
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { addressKey } from "./network.ts";
import { serverSecret } from "./secret.ts";

/** HMAC-SHA256 under the server secret, with a purpose prefix so one MAC can never stand for another. */
export function keyedHash(purpose: "session" | "sign-in-code" | "ip" | "proof-of-work", value: string): string {
  return createHmac("sha256", serverSecret()).update(`${purpose}:${value}`).digest("hex");
}

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** 32 random bytes: the magic link's token, unguessable, sent once by mail. */
export function newLinkToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The shape of `newLinkToken()`: anything else is refused before a database round trip. */
export function isLinkToken(value: unknown): value is string {
  return typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value);
}

/** Six digits for mail clients that break links; brute force is bounded by 5 attempts in SQL. */
export function newSignInCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, "0");
}

export const tokenHash = (token: string) => sha256(token);
export const codeHash = (code: string) => keyedHash("sign-in-code", code);
/** Keyed on the network, not the exact address (network.ts), so a /64 cannot rotate past the limits. */
export const ipHash = (ip: string) => keyedHash("ip", addressKey(ip));

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
