import { describe, expect, it } from "vitest";
import { parisInstant } from "./time.ts";

describe("Paris wall clock to instant", () => {
  it.each([
    ["2026-01-15T12:00", "2026-01-15T11:00:00.000Z"], // CET, UTC+1
    ["2026-07-14T22:30", "2026-07-14T20:30:00.000Z"], // CEST, UTC+2
    ["2026-03-29T01:59", "2026-03-29T00:59:00.000Z"], // last minute before the spring change
    ["2026-03-29T03:00", "2026-03-29T01:00:00.000Z"], // first minute after it
    ["2026-03-29T02:30", "2026-03-29T01:30:00.000Z"], // skipped hour: one hour later
    ["2026-10-25T02:30", "2026-10-25T01:30:00.000Z"], // repeated hour: the later one
    ["2026-09-14", "2026-09-13T22:00:00.000Z"], // a day is its Paris midnight
    ["1900-01-01T12:00", "1900-01-01T11:50:39.000Z"], // Paris mean time, before offsets were whole hours
  ])("%s → %s", (wallClock, iso) => {
    expect(parisInstant(wallClock)?.toISOString()).toBe(iso);
  });

  it.each(["2026-02-30T10:00", "2026-13-01T10:00", "2026-01-01T24:00", "2026-01-01 10:00", "demain"])(
    "rejects %s",
    (wallClock) => {
      expect(parisInstant(wallClock)).toBeUndefined();
    },
  );

  // Offsets are read once per UTC hour: every minute around both changes of a year must still come back as the
  // same wall clock through Intl (the skipped spring hour aside), whichever hour was read first.
  it.each([
    ["2026-03-28T22:00", "2026-03-29T05:00"],
    ["2026-10-24T22:00", "2026-10-25T05:00"],
  ])("round-trips every minute from %s to %s", (from, to) => {
    const paris = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Paris", dateStyle: "short", timeStyle: "short" });
    const mismatches: string[] = [];
    for (let ms = Date.parse(`${from}Z`); ms <= Date.parse(`${to}Z`); ms += 60_000) {
      const wallClock = new Date(ms).toISOString().slice(0, 16);
      if (wallClock.startsWith("2026-03-29T02:")) continue;
      const back = paris.format(parisInstant(wallClock)).replace(" ", "T");
      if (back !== wallClock) mismatches.push(`${wallClock} → ${back}`);
    }
    expect(mismatches).toEqual([]);
  });
});
