// Remembers, for the 15 minutes a code lives, which address asked to sign in, so the code page can be
// pre-filled after a redirect without putting the address in a URL (URLs end up in logs and history).
import { readCookie } from "../http/cookies.ts";

const name = "parlons_sign_in_email";

export function emailCookie(email: string): string {
  return `${name}=${encodeURIComponent(email)}; Path=/; Max-Age=900; HttpOnly; Secure; SameSite=Lax`;
}

export function clearEmailCookie(): string {
  return `${name}=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Lax`;
}

export function emailFrom(req: Request): string | null {
  const value = readCookie(req, name);
  if (!value) return null;
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
