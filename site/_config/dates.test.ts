import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, sameParisDay } from "./dates.ts";

describe("dates in Europe/Paris", () => {
  it("shows Paris wall-clock time whatever the machine's zone, summer and winter", () => {
    expect(formatDateTime(new Date("2026-07-14T20:00:00Z"), "fr")).toBe("14 juillet 2026 à 22:00");
    expect(formatDateTime(new Date("2026-12-24T20:00:00Z"), "en")).toBe("24 December 2026 at 21:00");
  });

  it("writes the first of the month the French way", () => {
    expect(formatDate(new Date("2026-05-01T10:00:00Z"), "fr")).toBe("1er mai 2026");
    expect(formatDate("2026-06-01", "en")).toBe("1 June 2026");
  });

  it("compares calendar days in Paris, not UTC", () => {
    expect(sameParisDay(new Date("2026-03-03T23:30:00Z"), new Date("2026-03-04T10:00:00Z"))).toBe(true);
    expect(sameParisDay(new Date("2026-03-03T22:30:00Z"), new Date("2026-03-03T22:59:00Z"))).toBe(true);
    expect(sameParisDay(new Date("2026-03-03T22:59:00Z"), new Date("2026-03-03T23:01:00Z"))).toBe(false);
  });
});
