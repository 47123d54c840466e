// The idea box shortcode inside a real Eleventy build, reading the same PGlite database as the functions.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Eleventy from "@11ty/eleventy";
import { beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../_lib/content/load.ts";
import type { Consultation } from "../_lib/content/types.ts";
import { slugs, startHarness, type Harness } from "../../functions/lib/testing/harness.ts";
import { invoke, request } from "../../functions/lib/testing/requests.ts";
import { signedInCookie } from "../../functions/lib/testing/sign-in.ts";
import * as propositions from "../../functions/api/propositions.ts";
import ideaboxPlugin from "./ideabox.ts";

let h: Harness;
let consultations: Consultation[];

beforeAll(async () => {
  h = await startHarness();
  consultations = (await loadContent(h.contentDir)).consultations;
  const cookie = await signedInCookie();
  const res = await invoke(propositions, request(`/api/consultations/${slugs.open}/propositions`, {
    json: { title: "Idée <b>du</b> snapshot", body: "Texte" },
    cookie,
  }));
  expect(res.status).toBe(201);
});

async function build(consultation: Consultation): Promise<string> {
  const input = await mkdtemp(join(tmpdir(), "parlons-ideabox-eleventy-"));
  await writeFile(join(input, "index.njk"), "---\npermalink: /index.html\n---\n{% ideabox consultation, lang %}\n");
  const eleventy = new Eleventy(input, join(input, "_site"), {
    quietMode: true,
    config(eleventyConfig: any) {
      eleventyConfig.addPlugin(ideaboxPlugin);
      eleventyConfig.addGlobalData("consultation", consultation);
      eleventyConfig.addGlobalData("lang", "fr");
    },
  });
  const [page] = (await eleventy.toJSON()) as { content: string }[];
  return page!.content;
}

const bySlug = (slug: string) => consultations.find((c) => c.slug === slug && c.lang === "fr")!;

describe("ideabox shortcode", () => {
  it("renders the snapshot with escaped titles and forms that post to the functions", async () => {
    const html = await build(bySlug(slugs.open));
    expect(html).toContain('data-module="ideabox"');
    expect(html).toContain("Idée &lt;b&gt;du&lt;/b&gt; snapshot");
    expect(html).toContain('action="/api/propositions/');
    // The citizen is unknown at build time: a link to the live form instead of the form itself.
    expect(html).toContain(`href="/consultations/${slugs.open}/propositions/#ideabox-proposition"`);
    expect(html).toContain(`data-fragment-url="/api/consultations/${slugs.open}/propositions?format=fragment&amp;lang=fr"`);
  });

  it("renders a finished consultation read-only", async () => {
    const html = await build(bySlug(slugs.finished));
    expect(html).toContain("Cette phase est terminée");
    expect(html).not.toContain('method="post"');
  });

  it("renders an empty list for a consultation the database does not know", async () => {
    const unknown = { ...bySlug(slugs.open), slug: "jamais-synchronisee" };
    const html = await build(unknown);
    expect(html).toContain("Aucune proposition pour l’instant.");
  });
});
