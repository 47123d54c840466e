import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPGliteDataPort, type PGliteDataPort } from "../functions/lib/db/pglite.ts";
import { loadContent } from "../site/_lib/content/load.ts";
import { seedDemo } from "./seed-demo.ts";
import { syncContent } from "./sync-content.ts";

interface Listed { total: number; items: { title: string; status: string; supports_count: number; comments_count: number }[] }

describe("demo seed", () => {
  let port: PGliteDataPort;
  beforeAll(async () => {
    port = await createPGliteDataPort("memory://");
    await syncContent(port, await loadContent("content"));
  });
  afterAll(() => port.close());

  it("gives the open consultation supported and discussed propositions, once", async () => {
    expect(await seedDemo(port)).toBe(true);
    await seedDemo(port);
    const list = await port.call<Listed>("list_propositions", {
      p_consultation_slug: "plan-velo", p_sort: "popular", p_theme: null, p_district: null,
      p_session_id: null, p_limit: 20, p_offset: 0,
    });
    expect(list.total).toBe(6);
    expect(list.items[0]).toMatchObject({ title: "Une piste cyclable protégée entre la gare et le collège", supports_count: 9, comments_count: 3 });
  });

  it("keeps the finished consultation's propositions with their outcome", async () => {
    const list = await port.call<Listed>("list_propositions", {
      p_consultation_slug: "place-du-marche", p_sort: "popular", p_theme: null, p_district: null,
      p_session_id: null, p_limit: 20, p_offset: 0,
    });
    expect(list.items.map((item) => item.status)).toEqual(["implemented", "accepted", "accepted", "rejected"]);
  });
});
