// Retention (issue 6, point 12): purge_expired_data erases each kind of sign-in trace once its period, declared
// in site/_lib/privacy/retention.ts and shown on the privacy page, has passed, and keeps it until then. Rows are
// aged one minute on each side of every period, so the SQL and the declaration cannot drift apart unnoticed.
import { expect, it } from "vitest";
import { randomHash, signIn, type TestDataPort } from "../../functions/lib/db/testing.ts";
import { periodMs, purgedTables, retention, type PurgedTable } from "../../site/_lib/privacy/retention.ts";
import { describeEachDatabase } from "./databases.ts";

const margin = 60;
/** The interval `now() - <this>` that lies `side` of the period's end: just past it, or just within it. */
function age(table: PurgedTable, side: "past" | "within"): string {
  const seconds = periodMs(retention[table]) / 1000;
  return `${side === "past" ? seconds + margin : seconds - margin} seconds`;
}

type Counts = Record<PurgedTable, number>;

async function rowCounts(db: TestDataPort): Promise<Counts> {
  const counts = await Promise.all(
    purgedTables.map(async (table) => {
      const [row] = await db.sql<{ n: number }>(`select count(*)::int as n from public.${table}`);
      return [table, row!.n] as const;
    }),
  );
  return Object.fromEntries(counts) as Counts;
}

describeEachDatabase("retention", (port) => {
  it("deletes sign-in requests, IP hash included, once expired longer than the period", async () => {
    const db = port();
    const insert = async (side: "past" | "within") => {
      const [row] = await db.sql<{ id: string }>(
        `insert into public.sign_in_requests (email, token_hash, code_hash, ip_hash, created_at, expires_at)
         select 'old@example.org', $1, $2, $3, t - interval '15 minutes', t
           from (select now() - $4::interval as t) as expiry
         returning id`,
        [randomHash(), randomHash(), randomHash(), age("sign_in_requests", side)],
      );
      return row!.id;
    };
    const past = await insert("past");
    const within = await insert("within");

    await db.call("purge_expired_data", {});

    const left = await db.sql<{ id: string }>("select id from public.sign_in_requests where id = any($1::uuid[])", [[past, within]]);
    expect(left.map((row) => row.id)).toEqual([within]);
  });

  it("deletes rate-limit events older than the period, whatever their bucket", async () => {
    const db = port();
    const key = randomHash();
    await db.sql(
      `insert into public.rate_limit_events (bucket, key, at)
       select bucket, $1, now() - $2::interval from unnest(array['sign_in_email', 'sign_in_ip']) as bucket
       union all
       select bucket, $1, now() - $3::interval from unnest(array['sign_in_email', 'sign_in_ip']) as bucket`,
      [key, age("rate_limit_events", "past"), age("rate_limit_events", "within")],
    );

    await db.call("purge_expired_data", {});

    const left = await db.sql<{ n: number }>("select count(*)::int as n from public.rate_limit_events where key = $1", [key]);
    expect(left).toEqual([{ n: 2 }]);
  });

  it("deletes sessions once expired or revoked longer than the period, and keeps live ones", async () => {
    const db = port();
    const citizen = await signIn(db);
    const session = async (expiresAgo: string, revokedAgo: string | null) => {
      const [row] = await db.sql<{ id: string }>(
        `insert into public.sessions (citizen_id, identity_id, method, created_at, last_seen_at, expires_at, revoked_at)
         select s.citizen_id, s.identity_id, s.method, now() - interval '90 days', now() - interval '90 days',
                now() - $2::interval, now() - $3::interval
           from public.sessions s where s.id = $1
         returning id`,
        [citizen.session_id, expiresAgo, revokedAgo],
      );
      return row!.id;
    };
    const inFuture = "-1 day";
    const expiredPast = await session(age("sessions", "past"), null);
    const expiredWithin = await session(age("sessions", "within"), null);
    const revokedPast = await session(inFuture, age("sessions", "past"));
    const revokedWithin = await session(inFuture, age("sessions", "within"));

    await db.call("purge_expired_data", {});

    const left = await db.sql<{ id: string }>("select id from public.sessions where citizen_id = $1", [citizen.citizen_id]);
    expect(left.map((row) => row.id).sort()).toEqual([citizen.session_id, expiredWithin, revokedWithin].sort());
    expect(left.map((row) => row.id)).not.toContain(expiredPast);
    expect(left.map((row) => row.id)).not.toContain(revokedPast);
  });

  it("returns the number of rows it deleted from each table", async () => {
    const db = port();
    await signIn(db);
    await db.sql(
      `insert into public.rate_limit_events (bucket, key, at) values ('sign_in_ip', $1, now() - $2::interval)`,
      [randomHash(), age("rate_limit_events", "past")],
    );
    const before = await rowCounts(db);

    const counts = await db.call<Counts>("purge_expired_data", {});

    const after = await rowCounts(db);
    expect(Object.keys(counts).sort()).toEqual([...purgedTables].sort());
    for (const table of purgedTables) expect(counts[table], table).toBe(before[table] - after[table]);
    expect(counts.rate_limit_events).toBeGreaterThanOrEqual(1);
    // Nothing is left to purge right after a purge.
    expect(await db.call<Counts>("purge_expired_data", {})).toEqual({ sign_in_requests: 0, rate_limit_events: 0, sessions: 0 });
  });

  it("keeps rate-limit events at least as long as the longest window any limit counts over", async () => {
    // Every interval written in a function that reads rate_limit_events is taken as a window, conservatively.
    const sources = await port().sql<{ name: string; source: string }>(
      `select proname as name, prosrc as source from pg_proc
        where pronamespace in ('public'::regnamespace, 'private'::regnamespace)
          and prosrc like '%rate_limit_events%' and proname <> 'purge_expired_data'`,
    );
    const windows = sources.flatMap(({ source }) =>
      [...source.matchAll(/interval\s+'([^']+)'|'([^']+)'\s*::\s*interval/gi)].map((match) => match[1] ?? match[2]!),
    );
    expect(windows.length).toBeGreaterThan(0);
    const [check] = await port().sql<{ longest: string; kept: boolean }>(
      `select max(w::interval)::text as longest, max(w::interval) <= $2::interval as kept
         from unnest($1::text[]) as w`,
      [windows, `${periodMs(retention.rate_limit_events) / 1000} seconds`],
    );
    expect(check, `windows: ${windows.join(", ")}`).toMatchObject({ kept: true });
  });
});
