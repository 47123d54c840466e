// Issue 6, point 7 through the function: a signed-out session's cookie, replayed, cannot end the citizen's newer
// sessions; it is dropped, and a form sends its holder to sign in.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as session from "../../functions/api/session.ts";
import * as signOut from "../../functions/api/auth-sign-out.ts";
import { startHarness } from "../../functions/lib/testing/harness.ts";
import { invoke, request } from "../../functions/lib/testing/requests.ts";
import { signedInCookie } from "../../functions/lib/testing/sign-in.ts";

beforeAll(async () => {
  await startHarness();
});

async function whoIs(cookie: string) {
  const res = await invoke(session, request("/api/session", { cookie, accept: "application/json" }));
  return ((await res.json()) as { citizen: { id: string } | null }).citizen;
}

const dropsCookie = (res: Response) => expect(res.headers.getSetCookie()[0]).toMatch(/^parlons_session=; .*Max-Age=0/);

describe("sign-out needs a live session", () => {
  it("a replayed signed-out cookie cannot sign out everywhere (JSON)", async () => {
    const email = `citoyenne-${randomUUID()}@exemple.fr`;
    const old = await signedInCookie(email);
    expect((await invoke(signOut, request("/api/auth/sign-out", { json: {}, cookie: old }))).status).toBe(200);
    const current = await signedInCookie(email);

    const replay = await invoke(signOut, request("/api/auth/sign-out", { json: { everywhere: true }, cookie: old }));
    expect(replay.status).toBe(401);
    expect(await replay.json()).toMatchObject({ error: { code: "session_expired" } });
    dropsCookie(replay);
    expect(await whoIs(current)).not.toBeNull();
  });

  it("the same replay from a plain form goes to sign-in and leaves the newer session alive", async () => {
    const email = `citoyen-${randomUUID()}@exemple.fr`;
    const old = await signedInCookie(email);
    await invoke(signOut, request("/api/auth/sign-out", { form: { return_to: "/compte/" }, cookie: old }));
    const current = await signedInCookie(email);

    const replay = await invoke(
      signOut,
      request("/api/auth/sign-out", { form: { everywhere: "true", return_to: "/compte/" }, cookie: old }),
    );
    expect(replay.status).toBe(303);
    expect(replay.headers.get("location")).toMatch(/^\/connexion\/\?return_to=%2Fcompte%2F/);
    dropsCookie(replay);
    expect(await whoIs(current)).not.toBeNull();
  });

  it("signing out a dead session again still succeeds", async () => {
    const cookie = await signedInCookie();
    await invoke(signOut, request("/api/auth/sign-out", { json: {}, cookie }));
    const again = await invoke(signOut, request("/api/auth/sign-out", { json: {}, cookie }));
    expect(await again.json()).toEqual({ revoked: 0 });
    dropsCookie(again);
  });
});
