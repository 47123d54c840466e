// The counts must be trustworthy under load: these run 200 calls at once. On PGlite calls take turns (one
// connection), so the real test is on PostgreSQL, where the pool runs them on many connections in parallel.
import { expect, it } from "vitest";
import { openConsultation, signIn } from "../../functions/lib/db/testing.ts";
import { describeEachDatabase } from "./databases.ts";

const parallel = 200;

describeEachDatabase(
  "concurrency",
  (port) => {
    it("leaves exactly one support after 200 parallel supports by one citizen", async () => {
      const db = port();
      const { slug } = await openConsultation(db);
      const citizen = await signIn(db);
      const { id } = await db.call<{ id: string }>("submit_proposition", {
        p_session_id: citizen.session_id, p_consultation_slug: slug, p_title: "Populaire", p_body: "Soutenez-moi",
      });
      const results = await Promise.all(
        Array.from({ length: parallel }, () =>
          db.call<{ supports_count: number }>("support_proposition", { p_session_id: citizen.session_id, p_proposition_id: id }),
        ),
      );
      expect(results.every((result) => result.supports_count === 1)).toBe(true);
      const [row] = await db.sql<{ n: string }>("select count(*) as n from public.supports where proposition_id = $1", [id]);
      expect(Number(row!.n)).toBe(1);
    });

    it("never exceeds max_propositions_per_citizen with 200 parallel submissions", async () => {
      const db = port();
      const { slug } = await openConsultation(db, { ideabox: { max_propositions_per_citizen: 3 } });
      const citizen = await signIn(db);
      const results = await Promise.allSettled(
        Array.from({ length: parallel }, (_, index) =>
          db.call("submit_proposition", {
            p_session_id: citizen.session_id, p_consultation_slug: slug, p_title: `Idée ${index}`, p_body: "En parallèle",
          }),
        ),
      );
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(3);
      const reasons = new Set(results.flatMap((result) => (result.status === "rejected" ? [result.reason.code] : [])));
      expect([...reasons]).toEqual(["proposition_limit_reached"]);
      const [row] = await db.sql<{ n: string }>(
        `select count(*) as n from public.propositions where citizen_id = $1`,
        [citizen.citizen_id],
      );
      expect(Number(row!.n)).toBe(3);
    });
  },
  { poolSize: 40 },
);
