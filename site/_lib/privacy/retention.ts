// How long the technical traces of signing in are kept once they no longer serve, declared once. The privacy
// page shows these periods (templates/partials/privacy.njk); the SQL function public.purge_expired_data
// (supabase/migrations/20261202130000_retention.sql) applies them, and tests/db/retention.test.ts ages rows on
// each side of every period to prove the two agree.

/** The tables the purge empties of old rows; also the keys of its result. */
export type PurgedTable = "sign_in_requests" | "rate_limit_events" | "sessions";

export interface RetentionPeriod {
  amount: number;
  unit: "hours" | "days";
}

export const retention: Readonly<Record<PurgedTable, RetentionPeriod>> = {
  // Counted from the request's expiry (15 minutes after the mail). The IP hash lives in this row and goes with it.
  sign_in_requests: { amount: 24, unit: "hours" },
  // Counted from the event. Never shorter than the longest window a sign-in limit counts over, or purging would
  // lift a limit early (tests/db/retention.test.ts checks the windows).
  rate_limit_events: { amount: 24, unit: "hours" },
  // Counted from the session's end (sign-out, or 30 days without use): the citizen's export still shows the
  // sessions of the last month, to spot a sign-in that was not theirs.
  sessions: { amount: 30, unit: "days" },
};

export const purgedTables = Object.keys(retention) as PurgedTable[];

const unitMs: Record<RetentionPeriod["unit"], number> = { hours: 3_600_000, days: 86_400_000 };

export function periodMs(period: RetentionPeriod): number {
  return period.amount * unitMs[period.unit];
}
