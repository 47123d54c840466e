import { expect, it } from "vitest";
import { deepFreeze } from "./freeze.ts";

it("freezes nested objects and arrays, not the Dates they hold", () => {
  const date = new Date("2026-09-14T16:00:00Z");
  const store = deepFreeze({ settings: { languages: ["fr", "en"] }, news: [{ date, tags: ["a"] }] });
  expect([store, store.settings, store.settings.languages, store.news, store.news[0], store.news[0]!.tags].every(Object.isFrozen)).toBe(true);
  expect(() => (store.news[0]!.tags as string[]).push("b")).toThrow(TypeError);
  expect(Object.isFrozen(date)).toBe(false);
  expect(store.news[0]!.date.getTime()).toBe(date.getTime());
});
