import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDataPort, type DataPort } from "../functions/lib/db/index.ts";
import { loadContent } from "../site/_lib/content/load.ts";
import type { ContentStore } from "../site/_lib/content/types.ts";
import { consultationPayload, syncContent } from "./sync-content.ts";

let port: DataPort;
let store: ContentStore;

beforeAll(async () => {
  port = await createDataPort({ PARLONS_PGLITE_DIR: "memory://" });
  store = await loadContent("content");
});
afterAll(() => port?.close());

it("syncs each demo consultation once, so the idea box actions find it", async () => {
  const slugs = new Set(store.consultations.map((c) => c.slug));
  expect(await syncContent(port, store)).toBe(slugs.size);
  // Twice in a row is how `npm start` behaves on every content change: the second sync updates in place.
  expect(await syncContent(port, store)).toBe(slugs.size);
  for (const slug of slugs) {
    const listed = await port.call<{ total: number }>("list_propositions", { p_consultation_slug: slug, p_sort: "recent" });
    expect(listed.total).toBe(0);
  }
  await expect(port.call("list_propositions", { p_consultation_slug: "nulle-part", p_sort: "recent" })).rejects.toMatchObject({
    code: "consultation_not_found",
  });
});

it("sends phases as instants with the module settings named as in the manifest", () => {
  const consultation = store.consultations.find((c) => c.phases.some((p) => p.modules.ideabox));
  expect(consultation).toBeDefined();
  const payload = consultationPayload(consultation!);
  const phase = payload.phases.find((p) => p.modules.ideabox)!;
  expect(phase.starts_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  expect(Object.keys(phase.modules.ideabox!).sort()).toEqual(
    ["comments_open", "max_propositions_per_citizen", "submissions_open", "supports_open"],
  );
});

it("runs on its own against the database the environment names", async () => {
  const dir = await mkdtemp(join(tmpdir(), "parlons-sync-"));
  try {
    const run = spawnSync("node_modules/.bin/tsx", ["scripts/sync-content.ts"], {
      env: { ...process.env, PARLONS_PGLITE_DIR: dir, DATABASE_URL: "", SUPABASE_URL: "" },
      encoding: "utf8",
    });
    expect(run.status, run.stderr).toBe(0);
    const reopened = await createDataPort({ PARLONS_PGLITE_DIR: dir });
    try {
      const slug = store.consultations[0]!.slug;
      const listed = await reopened.call<{ total: number }>("list_propositions", { p_consultation_slug: slug, p_sort: "recent" });
      expect(listed.total).toBe(0);
    } finally {
      await reopened.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 120_000);
