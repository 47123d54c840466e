// GDPR access and erasure through the functions.
import { beforeAll, describe, expect, it } from "vitest";
import { slugs, startHarness, type Harness } from "../../functions/lib/testing/harness.ts";
import { invoke, request } from "../../functions/lib/testing/requests.ts";
import { signedInCookie } from "../../functions/lib/testing/sign-in.ts";
import * as me from "../../functions/api/me.ts";
import * as propositions from "../../functions/api/propositions.ts";
import * as session from "../../functions/api/session.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});

describe("/api/me", () => {
  it("exports the signed-in citizen's data, and refuses anonymous requests", async () => {
    const email = "export@exemple.fr";
    const cookie = await signedInCookie(email);
    const res = await invoke(me, request("/api/me", { cookie, accept: "application/json" }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ citizen: { email } });
    const download = await invoke(me, request("/api/me", { cookie }));
    // The account page's link is a plain navigation: the browser saves the file.
    expect(download.headers.get("content-disposition")).toBe('attachment; filename="parlons-mes-donnees.json"');
    expect(res.headers.get("content-disposition")).toBeNull();
    const anonymous = await invoke(me, request("/api/me", { accept: "application/json" }));
    expect(anonymous.status).toBe(401);
  });

  it("deletes the account, keeps contributions anonymized, and ends the session", async () => {
    const cookie = await signedInCookie("efface@exemple.fr");
    const created = await invoke(propositions, request(`/api/consultations/${slugs.open}/propositions`, { json: { title: "Reste", body: "b" }, cookie }));
    expect(created.status).toBe(201);
    const withoutProof = await invoke(me, request("/api/me", { method: "DELETE", json: {}, cookie, sameOrigin: false }));
    expect(withoutProof.status).toBe(403);
    expect(await h.count("citizens", "email = 'efface@exemple.fr'")).toBe(1);

    const res = await invoke(me, request("/api/me", { form: { action: "delete", confirm: "yes", return_to: "/" }, cookie }));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/?flash=deleted");
    expect(await h.count("citizens", "email = 'efface@exemple.fr'")).toBe(0);
    expect(await h.count("propositions", "title = 'Reste'")).toBe(1);
    const after = await invoke(session, request("/api/session", { cookie }));
    expect(await after.json()).toEqual({ citizen: null });
  });
});
