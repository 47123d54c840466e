// PARLONS_SECRET signs session cookies and keys the hashes of sign-in codes and IP addresses.
// Production refuses to run without it; locally a stable secret is derived so sessions survive restarts.
import { createHash } from "node:crypto";

let warned = false;

export function isProduction(): boolean {
  return process.env.NODE_ENV === "production" || process.env.CONTEXT === "production";
}

export function serverSecret(): string {
  const secret = process.env.PARLONS_SECRET;
  if (secret) return secret;
  if (isProduction()) throw new Error("PARLONS_SECRET is required in production");
  if (!warned) {
    warned = true;
    console.warn("[parlons] PARLONS_SECRET is not set: using a development secret derived from the project folder.");
  }
  return createHash("sha256").update(`parlons-development:${process.cwd()}`).digest("hex");
}
