// The failure log line reads the SQLSTATE and the failed action from what each engine really reports (issue 6,
// point 2), and keeps nothing else of it: the errors come from a trigger on PGlite and on PostgreSQL.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { openConsultation, signIn, type ConsultationFixture, type SignedIn } from "../../functions/lib/db/testing.ts";
import { toAppError } from "../../functions/lib/db/errors.ts";
import { AppError } from "../../functions/lib/http/errors.ts";
import { failureLine, routeOf } from "../../functions/lib/http/failure-log.ts";
import { describeEachDatabase } from "../db/databases.ts";

const secret = `secret-${randomUUID()}`;

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describeEachDatabase("failure log line", (port) => {
  let consultation: ConsultationFixture;
  let citizen: SignedIn;
  beforeAll(async () => {
    consultation = await openConsultation(port());
    citizen = await signIn(port());
    await port().sql(`
      create function public.test_fail_propositions() returns trigger language plpgsql as $$
      begin
        raise exception using errcode = 'XX000', message = 'refused ' || new.title, detail = 'Key (email)=(${citizen.email})';
      end $$`);
    await port().sql(`create trigger test_fail_propositions before insert on public.propositions
      for each row execute function public.test_fail_propositions()`);
  });

  it("names the action and the SQLSTATE, and nothing the citizen sent", async () => {
    const error = await caught(
      port().call("submit_proposition", {
        p_session_id: citizen.session_id,
        p_consultation_slug: consultation.slug,
        p_title: `Titre ${secret}`,
        p_body: `Texte ${secret}`,
        p_theme: consultation.themes[0],
        p_district: consultation.districts[0],
      }),
    );
    const line = failureLine("req-0123456789", "POST /api/consultations/:slug/propositions", error);
    expect(line).toEqual({
      request_id: "req-0123456789",
      route: "POST /api/consultations/:slug/propositions",
      action: "submit_proposition",
      sqlstate: "XX000",
      code: "internal",
    });
    expect(JSON.stringify(line)).not.toMatch(new RegExp(`${secret}|${citizen.email}`));
  });
});

describe("failure log line outside SQL engines", () => {
  it("keeps the SQLSTATE of a PostgREST error body and the action the Supabase adapter names, nothing else", () => {
    const error = toAppError({ code: "XX000", message: `refused ${secret}`, details: "Key (email)=(a@b.fr)", hint: null }, "list_propositions");
    expect(failureLine("r-12345678", "GET /x", error)).toEqual({
      request_id: "r-12345678",
      route: "GET /x",
      action: "list_propositions",
      sqlstate: "XX000",
      code: "internal",
    });
  });

  it("has neither for a plain bug", () => {
    const error = new AppError("internal", { cause: new TypeError(`cannot read ${secret}`) });
    expect(failureLine("r-12345678", "GET /x", error)).toMatchObject({ action: null, sqlstate: null, code: "internal" });
  });

  it("names path parameters instead of showing them", () => {
    const url = new URL("http://localhost/api/propositions/5b7c%20x/comments");
    expect(routeOf("POST", url, { id: "5b7c x" })).toBe("POST /api/propositions/:id/comments");
    expect(routeOf("GET", new URL("http://localhost/consultations/velo/propositions/"), { slug: "velo" })).toBe(
      "GET /consultations/:slug/propositions/",
    );
  });
});
