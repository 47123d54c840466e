import { describe, expect, it } from "vitest";
import { completeAuthorization, startAuthorization } from "./github-oauth.ts";

const site = "https://participer.example.fr";

function recordingFetch(answer: unknown, status = 200) {
  const calls: { url: string; body: Record<string, string> }[] = [];
  const fake = (async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), body: JSON.parse(String(init?.body)) as Record<string, string> });
    return new Response(JSON.stringify(answer), { status, headers: { "content-type": "application/json" } });
  }) as typeof fetch;
  return { calls, fake };
}

function stateOf(res: Response): string {
  const cookie = res.headers.get("set-cookie") ?? "";
  return /parlons_decap_state=([^;]+)/.exec(cookie)?.[1] ?? "";
}

describe("Decap GitHub OAuth", () => {
  it("sends the popup to GitHub with a state bound to a Secure HttpOnly cookie", () => {
    const res = startAuthorization(new Request(`${site}/api/decap/auth?provider=github&scope=repo`), { clientId: "id", clientSecret: "s" });
    const location = new URL(res.headers.get("location") ?? "");
    expect(res.status).toBe(302);
    expect(location.origin).toBe("https://github.com");
    expect(location.searchParams.get("redirect_uri")).toBe(`${site}/api/decap/callback`);
    expect(location.searchParams.get("state")).toBe(stateOf(res));
    expect(res.headers.get("set-cookie")).toMatch(/HttpOnly; Secure; SameSite=Lax/);
  });

  it("exchanges the code with the client secret and posts the token to the site origin only", async () => {
    const { calls, fake } = recordingFetch({ access_token: "gho_abc" });
    const start = startAuthorization(new Request(`${site}/api/decap/auth`), { clientId: "id", clientSecret: "s3cret" });
    const state = stateOf(start);
    const res = await completeAuthorization(
      new Request(`${site}/api/decap/callback?code=c0de&state=${state}`, { headers: { cookie: `parlons_decap_state=${state}` } }),
      { clientId: "id", clientSecret: "s3cret", fetch: fake },
    );
    const page = await res.text();
    expect(calls[0]?.body).toMatchObject({ client_id: "id", client_secret: "s3cret", code: "c0de" });
    expect(page).toContain('authorization:github:success:{\\"token\\":\\"gho_abc\\",\\"provider\\":\\"github\\"}');
    expect(page).toContain(`"${site}"`);
    expect(page).not.toContain('"*"');
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).not.toContain("unsafe-inline");
    expect(page).toContain(`nonce="${/'nonce-([^']+)'/.exec(csp)?.[1]}"`);
  });

  it("refuses a callback whose state does not match the cookie, without calling GitHub", async () => {
    const { calls, fake } = recordingFetch({ access_token: "gho_abc" });
    const res = await completeAuthorization(
      new Request(`${site}/api/decap/callback?code=c0de&state=forged`, { headers: { cookie: "parlons_decap_state=other" } }),
      { clientId: "id", clientSecret: "s", fetch: fake },
    );
    expect(res.status).toBe(400);
    expect(calls).toHaveLength(0);
    expect(await res.text()).toContain("authorization:github:error:");
  });
});
