// The README states the retention periods twice, for deployers and in the register entry communes copy: both
// must say what retention.ts declares (the privacy page and the SQL purge are checked by their own tests).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { t } from "../i18n/index.ts";
import { periodMs, retention, type PurgedTable } from "./retention.ts";

// Blockquote markers and line breaks removed, so a phrase may wrap anywhere.
const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8")
  .replace(/\n>[ \t]*/g, " ")
  .replace(/\s+/g, " ");

const words = (lang: "fr" | "en", table: PurgedTable) =>
  t(lang, `ui.privacy.units.${retention[table].unit}`, { n: retention[table].amount });

describe("retention periods in the README", () => {
  it("are the declared ones for deployers", () => {
    expect(readme).toContain(`: ${words("en", "sign_in_requests")} after they expire;`);
    expect(readme).toContain(`: ${words("en", "rate_limit_events")}, the longest window`);
    expect(readme).toContain(`: ${words("en", "sessions")} after they end`);
  });

  it("are the declared ones in the processing register entry", () => {
    expect(readme).toContain(`demandes de connexion : ${words("fr", "sign_in_requests")} après leur expiration`);
    expect(readme).toContain(`compteurs anti-abus : ${words("fr", "rate_limit_events")} ;`);
    expect(readme).toContain(`sessions : ${words("fr", "sessions")} après leur fin`);
  });
});

describe("periodMs", () => {
  it("counts hours and days in milliseconds", () => {
    expect(periodMs({ amount: 24, unit: "hours" })).toBe(86_400_000);
    expect(periodMs({ amount: 30, unit: "days" })).toBe(2_592_000_000);
  });
});
