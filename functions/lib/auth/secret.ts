// PARLONS_SECRET signs session cookies and keys the hashes of sign-in codes and IP addresses.
// Production refuses to run without it; locally a stable secret is derived so sessions survive restarts.
import { createHash } from "node:crypto";

/** Derived once: every session cookie check computes an HMAC under it. */
let developmentSecret: string | undefined;

/**
 * Anything deployed counts as production, so a forgotten secret fails loudly instead of falling back to a
 * guessable one: Netlify's build and deploy contexts, AWS Lambda (where Netlify runs functions), NODE_ENV.
 */
export function isProduction(): boolean {
  const env = process.env;
  return (
    env.NODE_ENV === "production" ||
    Boolean(env.CONTEXT && env.CONTEXT !== "dev") ||
    env.NETLIFY === "true" ||
    Boolean(env.AWS_LAMBDA_FUNCTION_NAME)
  );
}

export function serverSecret(): string {
  const secret = process.env.PARLONS_SECRET;
  if (secret) return secret;
  if (isProduction()) throw new Error("PARLONS_SECRET is required in production");
  if (developmentSecret === undefined) {
    console.warn("[parlons] PARLONS_SECRET is not set: using a development secret derived from the project folder.");
    developmentSecret = createHash("sha256").update(`parlons-development:${process.cwd()}`).digest("hex");
  }
  return developmentSecret;
}
