// Signs a citizen in through the real sign-in functions and the outbox, for tests that need a session.
import { randomUUID } from "node:crypto";
import * as signIn from "../../api/auth-sign-in.ts";
import * as verify from "../../api/auth-verify.ts";
import { listOutbox } from "../mail/outbox.ts";
import { cookieFrom, invoke, request } from "./requests.ts";

const entities: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&#96;": "`" };
const unescape = (text: string) => text.replace(/&(?:amp|lt|gt|quot|#39|#96);/g, (entity) => entities[entity]!);

/** The hidden fields of the confirmation page's form, as a browser would post them back. */
export function confirmFields(markup: string): Record<string, string> {
  const form = /<form[^>]*id="sign-in-confirm"[^>]*>([\s\S]*?)<\/form>/.exec(markup);
  if (!form) throw new Error("no confirmation form on the page");
  const inputs = form[1]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g);
  return Object.fromEntries([...inputs].map(([, name, value]) => [name!, unescape(value!)]));
}

/** Opens a mailed link as a citizen does: the confirmation page (GET), then its button (POST). */
export async function openSignInLink(link: URL): Promise<Response> {
  const page = await invoke(verify, request(link.pathname + link.search));
  if (page.status !== 200) throw new Error(`confirmation page failed: ${page.status}`);
  return invoke(verify, request("/api/auth/verify", { form: confirmFields(await page.text()) }));
}

export async function signedInCookie(email = `citoyen-${randomUUID()}@exemple.fr`): Promise<string> {
  // A fresh address and network address each time, so the SQL rate limits never interfere.
  const ip = `192.0.2.${Math.floor(Math.random() * 250)}-${randomUUID()}`;
  const asked = await invoke(signIn, request("/api/auth/sign-in", { json: { email }, headers: { "x-forwarded-for": ip } }));
  if (asked.status !== 202) throw new Error(`sign-in request failed: ${asked.status} ${await asked.text()}`);
  const mail = (await listOutbox()).find((m) => m.to === email)!;
  const cookie = cookieFrom(await openSignInLink(new URL(/https?:\/\/\S+/.exec(mail.text)![0])), "parlons_session");
  if (!cookie) throw new Error("no session cookie");
  return cookie;
}
