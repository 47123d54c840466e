// Signs a citizen in through the real sign-in functions and the outbox, for tests that need a session.
import { randomUUID } from "node:crypto";
import * as signIn from "../../api/auth-sign-in.ts";
import * as verify from "../../api/auth-verify.ts";
import { listOutbox } from "../mail/outbox.ts";
import { cookieFrom, invoke, request } from "./requests.ts";

export async function signedInCookie(email = `citoyen-${randomUUID()}@exemple.fr`): Promise<string> {
  // A fresh address and network address each time, so the SQL rate limits never interfere.
  const ip = `192.0.2.${Math.floor(Math.random() * 250)}-${randomUUID()}`;
  const asked = await invoke(signIn, request("/api/auth/sign-in", { json: { email }, headers: { "x-forwarded-for": ip } }));
  if (asked.status !== 202) throw new Error(`sign-in request failed: ${asked.status} ${await asked.text()}`);
  const mail = (await listOutbox()).find((m) => m.to === email)!;
  const link = new URL(/https?:\/\/\S+/.exec(mail.text)![0]);
  const cookie = cookieFrom(await invoke(verify, request(link.pathname + link.search)), "parlons_session");
  if (!cookie) throw new Error("no session cookie");
  return cookie;
}
