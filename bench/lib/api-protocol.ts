// Messages between bench/api.ts (load generator) and bench/lib/api-server.ts (server and database).

export interface ApiSetup {
  url: string;
  /** `parlons_session=…` of each citizen. */
  cookies: string[];
  propositionIds: string[];
}

export interface BaselineResult {
  inserts: number;
  perSecond: number;
  p50: number;
  p99: number;
}

export type ChildMessage =
  | { type: "ready"; setup: ApiSetup }
  | { type: "result"; supportsInDatabase: number; baseline: BaselineResult };

export type ParentMessage = { type: "finish" };

/** p50 and p99 in milliseconds of a list of latencies. */
export function latencySummary(latencies: number[]): { p50: number; p99: number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99) };
}
