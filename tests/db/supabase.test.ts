// The Supabase adapter through the real supabase-js, with a recording fetch answering as PostgREST would:
// no Supabase project is reachable here, so this checks what is sent and how errors come back.
import { describe, expect, it } from "vitest";
import { createSupabaseDataPort } from "../../functions/lib/db/supabase.ts";

interface Recorded {
  url: string;
  method: string;
  headers: Headers;
  body: unknown;
}

function postgrest(status: number, body: unknown) {
  const requests: Recorded[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    requests.push({ url: request.url, method: request.method, headers: request.headers, body: await request.json() });
    return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  };
  return { requests, fetch };
}

const url = "https://abcd.supabase.co";

describe("Supabase adapter", () => {
  for (const secretKey of ["sb_secret_abc123", "eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.sig"]) {
    it(`posts the action to /rest/v1/rpc/<action> with the key ${secretKey.slice(0, 10)}…`, async () => {
      const recorder = postgrest(200, { citizen_id: "c", display_name: null, session_id: "s" });
      const port = await createSupabaseDataPort({ url, secretKey, fetch: recorder.fetch });
      await expect(port.call("touch_session", { p_session_id: "s" })).resolves.toEqual({ citizen_id: "c", display_name: null, session_id: "s" });
      expect(recorder.requests).toHaveLength(1);
      const [request] = recorder.requests as [Recorded];
      expect(request.method).toBe("POST");
      expect(request.url).toBe(`${url}/rest/v1/rpc/touch_session`);
      expect(request.body).toEqual({ p_session_id: "s" });
      expect(request.headers.get("apikey")).toBe(secretKey);
      expect(request.headers.get("authorization")).toBe(`Bearer ${secretKey}`);
    });
  }

  it("sends nested jsonb arguments as JSON and leaves undefined ones to the SQL defaults", async () => {
    const recorder = postgrest(200, { id: "x" });
    const port = await createSupabaseDataPort({ url, secretKey: "sb_secret_abc", fetch: recorder.fetch });
    await port.call("sync_consultation", { p_consultation: { slug: "velo", phases: [{ position: 0 }] } });
    await port.call("list_propositions", { p_consultation_slug: "velo", p_theme: undefined, p_session_id: null });
    expect(recorder.requests.map((request) => request.body)).toEqual([
      { p_consultation: { slug: "velo", phases: [{ position: 0 }] } },
      { p_consultation_slug: "velo", p_session_id: null },
    ]);
  });

  it.each([
    [{ code: "P0001", message: "phase_closed", details: null, hint: null }, "phase_closed", 409],
    [{ code: "P0001", message: "sign_in_expired", details: null, hint: null }, "sign_in_expired", 400],
    [{ code: "P0001", message: "something unplanned", details: null, hint: null }, "internal", 500],
    [{ code: "23505", message: 'duplicate key value violates unique constraint "x"', details: "Key…", hint: null }, "conflict", 409],
    [{ code: "23514", message: 'new row violates check constraint "y"', details: null, hint: null }, "invalid_input", 400],
    [{ code: "22P02", message: 'invalid input syntax for type uuid: "z"', details: null, hint: null }, "invalid_input", 400],
    [{ code: "23503", message: "insert or update violates foreign key constraint", details: null, hint: null }, "not_found", 404],
    [{ code: "PGRST202", message: "Could not find the function", details: null, hint: null }, "internal", 500],
  ])("maps the PostgREST error %j to the same AppError as the other adapters", async (body, code, status) => {
    const recorder = postgrest(400, body);
    const port = await createSupabaseDataPort({ url, secretKey: "sb_secret_abc", fetch: recorder.fetch });
    await expect(port.call("support_proposition", { p_session_id: "a", p_proposition_id: "b" })).rejects.toMatchObject({ code, status });
  });

  it("turns a refusal returned as { error } into its AppError", async () => {
    const recorder = postgrest(200, { error: "sign_in_code_invalid", attempts_left: 3 });
    const port = await createSupabaseDataPort({ url, secretKey: "sb_secret_abc", fetch: recorder.fetch });
    await expect(port.call("consume_sign_in_code", { p_email: "a@b.fr", p_code_hash: "h" })).rejects.toMatchObject({
      code: "sign_in_code_invalid",
    });
  });

  it("reports an unreachable Supabase as internal", async () => {
    const port = await createSupabaseDataPort({
      url,
      secretKey: "sb_secret_abc",
      fetch: async () => {
        throw new TypeError("fetch failed");
      },
    });
    await expect(port.call("touch_session", { p_session_id: "s" })).rejects.toMatchObject({ code: "internal", status: 500 });
  });
});
