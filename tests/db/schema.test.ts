// SQL level: access rules (RLS, grants, views) and the constraints behind every rule.
import { expect, it } from "vitest";
import { actionNames } from "../../functions/lib/db/port.ts";
import { openConsultation, signIn } from "../../functions/lib/db/testing.ts";
import { describeEachDatabase } from "./databases.ts";

const uuid = "00000000-0000-4000-8000-000000000000";

describeEachDatabase("access", (port) => {
  it("enables RLS on every table of the public schema", async () => {
    const tables = await port().sql<{ relname: string; relrowsecurity: boolean }>(
      `select relname, relrowsecurity from pg_class
        where relnamespace = 'public'::regnamespace and relkind in ('r', 'p') order by relname`,
    );
    expect(tables.map((table) => table.relname)).toEqual([
      "citizens", "comments", "consultations", "identities", "phases", "propositions",
      "rate_limit_events", "sessions", "sign_in_requests", "supports",
    ]);
    expect(tables.filter((table) => !table.relrowsecurity)).toEqual([]);
  });

  it("gives anon and authenticated no privilege on any table", async () => {
    const grants = await port().sql(
      `select c.relname, r.rolname, p.privilege_type
         from pg_class c
         cross join (values ('anon'), ('authenticated')) as r(rolname)
         cross join (values ('SELECT'), ('INSERT'), ('UPDATE'), ('DELETE'), ('TRUNCATE'), ('REFERENCES'), ('TRIGGER'))
           as p(privilege_type)
        where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
          and has_table_privilege(r.rolname, c.oid, p.privilege_type)`,
    );
    expect(grants).toEqual([]);
  });

  for (const role of ["anon", "authenticated"] as const) {
    it(`refuses ${role} reading or writing the tables directly`, async () => {
      const db = port();
      await db.call("sync_consultation", { p_consultation: { slug: `rls-${role}`, title: "RLS" } });
      await expect(db.sqlAs(role, "select * from public.consultations")).rejects.toMatchObject({ code: "42501" });
      await expect(db.sqlAs(role, "select * from public.citizens")).rejects.toMatchObject({ code: "42501" });
      await expect(
        db.sqlAs(role, "insert into public.citizens (email) values ('intruder@example.org')"),
      ).rejects.toMatchObject({ code: "42501" });
      await expect(
        db.sqlAs(role, "insert into public.supports (proposition_id, citizen_id) values ($1, $1)", [uuid]),
      ).rejects.toMatchObject({ code: "42501" });
      await expect(db.sqlAs(role, "delete from public.sessions")).rejects.toMatchObject({ code: "42501" });
    });

    it(`refuses ${role} calling the actions`, async () => {
      await expect(
        port().sqlAs(role, "select public.touch_session(p_session_id => $1)", [uuid]),
      ).rejects.toMatchObject({ code: "42501" });
    });
  }

  it("still hides rows from a role that is granted a table but has no policy", async () => {
    // RLS is the second lock: even a mistaken grant would show nothing.
    const db = port();
    await signIn(db);
    await db.sql("grant select on public.citizens to authenticated");
    try {
      expect(await db.sqlAs("authenticated", "select * from public.citizens")).toEqual([]);
    } finally {
      await db.sql("revoke select on public.citizens from authenticated");
    }
  });

  it("lets anon read the public view, without personal data", async () => {
    const db = port();
    const { slug } = await openConsultation(db);
    const citizen = await signIn(db);
    await db.call("submit_proposition", { p_session_id: citizen.session_id, p_consultation_slug: slug, p_title: "Vue", p_body: "Lisible" });
    const rows = await db.sqlAs<Record<string, unknown>>(
      "anon", "select * from public.public_propositions where consultation_slug = $1", [slug],
    );
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]!).sort()).toEqual([
      "body", "comments_count", "consultation_slug", "created_at", "district", "id", "lat", "lng", "status",
      "supports_count", "theme", "title",
    ]);
    const [privileges] = await db.sql(
      `select has_table_privilege('anon', 'public.public_propositions', 'select') as can_select,
              has_table_privilege('anon', 'public.public_propositions', 'insert, update, delete, truncate') as can_write`,
    );
    expect(privileges).toEqual({ can_select: true, can_write: false });
  });

  it("declares every action security definer with an empty search_path, executable by service_role only", async () => {
    const functions = await port().sql<{ name: string; definer: boolean; config: string[] | null; anon: boolean; authenticated: boolean; service: boolean; public: boolean }>(
      `select p.proname as name, p.prosecdef as definer, p.proconfig as config,
              has_function_privilege('anon', p.oid, 'execute') as anon,
              has_function_privilege('authenticated', p.oid, 'execute') as authenticated,
              has_function_privilege('service_role', p.oid, 'execute') as service,
              exists (select 1 from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
                       where a.grantee = 0) as public
         from pg_proc p where p.pronamespace = 'public'::regnamespace order by p.proname`,
    );
    expect(functions.map((fn) => fn.name)).toEqual([...actionNames].sort());
    for (const fn of functions) {
      expect(fn, fn.name).toMatchObject({ definer: true, config: ['search_path=""'], anon: false, authenticated: false, service: true, public: false });
    }
  });

  it("documents every table, view and function it creates", async () => {
    const undocumented = await port().sql(
      `select c.relname as name from pg_class c
        where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'v') and obj_description(c.oid, 'pg_class') is null
       union all
       select p.proname from pg_proc p
        where p.pronamespace in ('public'::regnamespace, 'private'::regnamespace)
          and obj_description(p.oid, 'pg_proc') is null`,
    );
    expect(undocumented).toEqual([]);
  });
});
