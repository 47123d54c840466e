// POST { email, return_to, proof? }: mails a single-use sign-in link and a 6-digit code, valid 15 minutes.
// Only their hashes are stored; the per-email and per-address limits are counted in SQL, which also decides
// whether the address is busy enough to need the proof of work (GET: a fresh challenge, for JSON clients).
import type { Config } from "@netlify/functions";
import * as z from "zod/mini";
import { codeHash, ipHash, newLinkToken, newSignInCode, tokenHash } from "../lib/auth/crypto.ts";
import { emailCookie } from "../lib/auth/email-cookie.ts";
import { newChallenge, proofField, verifiedProof } from "../lib/auth/proof-of-work.ts";
import { signInInput } from "../lib/auth/schemas.ts";
import { publicOrigin } from "../lib/auth/site-url.ts";
import { getContent } from "../lib/content.ts";
import { getDataPort } from "../lib/db/index.ts";
import { handler } from "../lib/http/handler.ts";
import { readInput } from "../lib/http/input.ts";
import { json, seeOther } from "../lib/http/respond.ts";
import { formStateFrom } from "../lib/ideabox/form-state.ts";
import { sendMail } from "../lib/mail/send.ts";
import { signInMail } from "../lib/mail/sign-in-mail.ts";
import { signInPage, signInPaths } from "../lib/pages/sign-in.ts";

async function siteName(): Promise<string> {
  try {
    return (await getContent()).settings.communeName;
  } catch {
    return "Parlons";
  }
}

const input = z.extend(signInInput, { proof: proofField });

export default handler({
  async GET() {
    return json({ challenge: newChallenge() });
  },

  async POST(ctx) {
    const { email, proof } = await readInput(ctx, input);
    const token = newLinkToken();
    const code = newSignInCode();
    const port = await getDataPort();
    const request = await port.call<{ request_id: string; expires_at: string }>("request_sign_in", {
      p_email: email,
      p_ip_hash: ipHash(ctx.ip),
      p_token_hash: tokenHash(token),
      p_code_hash: codeHash(code),
      p_proof: verifiedProof(proof),
      // A JSON client runs code, so past the soft threshold it is asked to solve; a plain form is not.
      p_can_prove: ctx.json,
    });
    const link = new URL("/api/auth/verify", publicOrigin(ctx.req));
    link.searchParams.set("token", token);
    link.searchParams.set("return_to", ctx.returnTo);
    if (ctx.lang !== "fr") link.searchParams.set("lang", ctx.lang);
    await sendMail(signInMail({ lang: ctx.lang, to: email, link: link.href, code, siteName: await siteName() }));
    if (ctx.json) return json({ sent: true, expires_at: request.expires_at }, 202);
    return seeOther(`${signInPaths.code(ctx.lang)}?return_to=${encodeURIComponent(ctx.returnTo)}`, [emailCookie(email)]);
  },

  async formError(ctx, error) {
    return signInPage(ctx.lang, ctx.returnTo, formStateFrom(ctx, error, ["email"]), error.status);
  },
});

export const config: Config = { path: "/api/auth/sign-in" };
