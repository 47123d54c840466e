// The session cookie: `<session uuid>.<HMAC>`. The signature lets us refuse forged cookies without a database
// round trip; the session row stays the truth for revocation and expiry.
import { readCookie } from "../http/cookies.ts";
import { keyedHash, safeEqual } from "./crypto.ts";

export const sessionCookieName = "parlons_session";
export const sessionMaxAge = 30 * 24 * 60 * 60;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function sessionCookie(sessionId: string): string {
  const value = `${sessionId}.${keyedHash("session", sessionId)}`;
  return `${sessionCookieName}=${value}; Path=/; Max-Age=${sessionMaxAge}; HttpOnly; Secure; SameSite=Lax`;
}

export function clearSessionCookie(): string {
  return `${sessionCookieName}=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Lax`;
}

/** The session id of a correctly signed cookie, else null. */
export function sessionIdFrom(req: Request): string | null {
  const value = readCookie(req, sessionCookieName);
  if (!value) return null;
  const dot = value.indexOf(".");
  const id = value.slice(0, dot);
  const mac = value.slice(dot + 1);
  if (dot < 0 || !uuidPattern.test(id)) return null;
  return safeEqual(mac, keyedHash("session", id)) ? id : null;
}
