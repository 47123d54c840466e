// The idea box shortcode inside a real Eleventy build, reading the same PGlite database as the functions.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Eleventy from "@11ty/eleventy";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { loadContent } from "../_lib/content/load.ts";
import type { Consultation } from "../_lib/content/types.ts";
import { getDataPort } from "../../functions/lib/db/index.ts";
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

/** An Eleventy project with one page per consultation given, each holding its snapshot. */
async function project(consultations: Consultation[]): Promise<{ toJSON(): Promise<{ content: string }[]> }> {
  const input = await mkdtemp(join(tmpdir(), "parlons-ideabox-eleventy-"));
  await writeFile(
    join(input, "index.njk"),
    "---\npagination: { data: consultations, size: 1, alias: consultation }\npermalink: /{{ pagination.pageNumber }}.html\n---\n{% ideabox consultation, lang %}\n",
  );
  return new Eleventy(input, join(input, "_site"), {
    quietMode: true,
    config(eleventyConfig: any) {
      eleventyConfig.addPlugin(ideaboxPlugin);
      eleventyConfig.addGlobalData("consultations", consultations);
      eleventyConfig.addGlobalData("lang", "fr");
    },
  });
}

async function build(consultation: Consultation): Promise<string> {
  const [page] = await (await project([consultation])).toJSON();
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

  it("reads every consultation's first page in one database call per build, again on the next build", async () => {
    const port = await getDataPort();
    const calls = vi.spyOn(port, "call");
    try {
      const site = await project([bySlug(slugs.open), bySlug(slugs.quiet), bySlug(slugs.finished)]);
      const [open] = await site.toJSON();
      expect(calls.mock.calls.map(([action]) => action)).toEqual(["build_snapshot"]);
      expect(open!.content).toContain("Idée &lt;b&gt;du&lt;/b&gt; snapshot");

      // A watch rebuild (same Eleventy, same plugin) shows what was submitted since.
      const cookie = await signedInCookie();
      const res = await invoke(propositions, request(`/api/consultations/${slugs.open}/propositions`, {
        json: { title: "Idée d’après", body: "Texte" },
        cookie,
      }));
      expect(res.status).toBe(201);
      calls.mockClear();
      const [again] = await site.toJSON();
      expect(calls.mock.calls.map(([action]) => action)).toEqual(["build_snapshot"]);
      expect(again!.content).toContain("Idée d’après");
    } finally {
      calls.mockRestore();
    }
  });
});
