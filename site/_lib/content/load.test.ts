// The loader on the demo content, and on broken copies of it: each broken case must fail with one
// ContentError naming the faulty file and field, as an organizer would read it in the build log.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ContentError } from "./errors.ts";
import { loadContent } from "./load.ts";

const temps: string[] = [];
afterAll(() => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))));

type Edit = [file: string, change: ((text: string) => string) | null];

/** A copy of the demo content with some files changed (or deleted with null). */
async function demoWith(...edits: Edit[]): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "parlons-content-"));
  temps.push(dir);
  await cp("content", dir, { recursive: true, filter: (source) => !source.includes(`${path.sep}media`) });
  for (const [file, change] of edits) {
    const target = path.join(dir, file);
    if (change === null) await rm(target);
    else {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, change(await readFile(target, "utf8").catch(() => "")));
    }
  }
  return dir;
}

async function failure(dir: string): Promise<ContentError> {
  const error = await loadContent(dir).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ContentError);
  return error as ContentError;
}

const replace = (from: string | RegExp, to: string) => (text: string) => {
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`fixture edit did not apply: ${String(from)}`);
  return changed;
};

describe("demo content", async () => {
  const store = await loadContent();

  it("loads every collection with French and English URLs", () => {
    expect(store.settings.communeName).toBe("Val-de-Loire-sur-Mer");
    expect(store.consultations.map((c) => c.url).sort()).toEqual([
      "/consultations/place-du-marche/",
      "/consultations/plan-velo/",
      "/en/consultations/plan-velo/",
    ]);
    expect(store.news.length).toBeGreaterThanOrEqual(4);
    expect(store.events.length).toBeGreaterThanOrEqual(4);
    expect(store.events.some((e) => e.onlineLink)).toBe(true);
    expect(store.pages.find((p) => p.slug === "comment-participer" && p.lang === "en")?.url).toBe("/en/comment-participer/");
    expect(store.news.find((n) => n.slug === "lancement-plan-velo")?.url).toBe("/actualites/lancement-plan-velo/");
    expect(store.events[0]?.url).toMatch(/^\/agenda\//);
  });

  it("links language versions both ways", () => {
    const translations = { fr: "/consultations/plan-velo/", en: "/en/consultations/plan-velo/" };
    for (const c of store.consultations.filter((c) => c.slug === "plan-velo")) expect(c.translations).toEqual(translations);
    expect(store.consultations.find((c) => c.slug === "place-du-marche")?.translations).toEqual({
      fr: "/consultations/place-du-marche/",
    });
  });

  it("turns Paris wall-clock phase times into instants (CEST in September, CET in November)", () => {
    const velo = store.consultations.find((c) => c.slug === "plan-velo" && c.lang === "fr")!;
    expect(velo.phases[0]?.start.toISOString()).toBe("2026-09-01T07:00:00.000Z");
    expect(velo.phases[1]?.start.toISOString()).toBe("2026-10-31T23:00:00.000Z");
    expect(velo.phases.map((p) => p.position)).toEqual([0, 1, 2]);
  });

  it("keeps one consultation open through mid-2027 with the idea box accepting submissions", () => {
    const velo = store.consultations.find((c) => c.slug === "plan-velo" && c.lang === "fr")!;
    const open = velo.phases.find((p) => p.modules.ideabox?.["submissions_open"]);
    expect(open?.end.getTime()).toBeGreaterThan(Date.parse("2027-05-01"));
    expect(open?.modules.ideabox).toEqual({
      submissions_open: true,
      supports_open: true,
      comments_open: true,
      max_propositions_per_citizen: 3,
    });
    expect(velo.districts[0]?.polygon?.type).toBe("Polygon");
    expect(velo.districts[1]).toEqual({ name: "Les Prés-Salés" });
  });

  it("keeps one consultation finished, its idea box closed in its last phase with the module", () => {
    const market = store.consultations.find((c) => c.slug === "place-du-marche")!;
    expect(market.phases.at(-1)!.end.getTime()).toBeLessThan(Date.parse("2026-01-01"));
    const withIdeabox = market.phases.filter((p) => p.modules.ideabox).at(-1);
    expect(withIdeabox?.modules.ideabox?.["submissions_open"]).toBe(false);
  });

  it("ignores the English file Decap writes when nobody translated (copied fields only)", async () => {
    const dir = await demoWith([
      "news/en/marche-producteurs.md",
      () => "---\ndate: 2026-06-05\nconsultation: plan-velo\n---\n",
    ]);
    const copy = await loadContent(dir);
    expect(copy.news.filter((n) => n.slug === "marche-producteurs").map((n) => n.url)).toEqual([
      "/actualites/marche-producteurs/",
    ]);
  });

  it("takes untranslated fields of English entries from the French original", () => {
    const [fr, en] = ["fr", "en"].map((lang) => store.consultations.find((c) => c.slug === "plan-velo" && c.lang === lang)!);
    expect(en!.title).toMatch(/^Cycling plan/);
    expect(en!.phases[1]!.title).toBe("Your proposals");
    expect(en!.phases[1]!.start).toEqual(fr!.phases[1]!.start);
    expect(en!.phases[1]!.modules).toEqual(fr!.phases[1]!.modules);
    expect(en!.themes).toEqual(fr!.themes);
    expect(en!.cover?.src).toBe(fr!.cover?.src);
    expect(en!.cover?.alt).toMatch(/^A cycle lane/);
  });
});

describe("broken content names the file and the field", () => {
  const velo = "consultations/fr/plan-velo.md";
  const cases: [string, Edit[], RegExp][] = [
    [
      "phase ending before it starts",
      [[velo, replace("end: 2027-05-31T23:59", "end: 2026-10-01T00:00")]],
      /consultations\/fr\/plan-velo\.md: phases\[1\]\.end: must be after start/,
    ],
    [
      "overlapping phases",
      [[velo, replace("start: 2027-06-01T00:00", "start: 2027-05-01T00:00")]],
      /plan-velo\.md: phases\[2\]\.start: must not be before the end of phases\[1\]/,
    ],
    [
      "impossible date",
      [[velo, replace("start: 2026-09-01T09:00", "start: 2026-02-30T09:00")]],
      /plan-velo\.md: phases\[0\]\.start: must be a date and time like 2026-09-14T18:00, got "2026-02-30T09:00"/,
    ],
    ["missing title", [[velo, replace(/^title: .*\n/m, "")]], /plan-velo\.md: title: is required/],
    [
      "polygon that is not GeoJSON",
      [[velo, replace(/polygon: '.*'/, "polygon: '{\"type\":\"Point\",\"coordinates\":[2.35,48.85]}'")]],
      /plan-velo\.md: districts\[0\]\.polygon: must be a GeoJSON Polygon/,
    ],
    [
      "module setting out of bounds",
      [[velo, replace("max_propositions_per_citizen: 3\n  - title: Restitution", "max_propositions_per_citizen: 0\n  - title: Restitution")]],
      /plan-velo\.md: phases\[1\]\.modules\[0\]\.max_propositions_per_citizen: /,
    ],
    [
      "unknown module",
      [[velo, replace("- module: ideabox\n        submissions_open: true", "- module: survey\n        submissions_open: true")]],
      /plan-velo\.md: phases\[1\]\.modules\[0\]\.module: unknown module/,
    ],
    [
      "cover image without alternative text",
      [[velo, replace(/^  alt: Une piste.*\n/m, "")]],
      /plan-velo\.md: cover\.alt: is required when an image is chosen/,
    ],
    ["misspelt field", [[velo, replace("visibility: public", "visibilty: public")]], /plan-velo\.md: unknown field visibilty/],
    [
      "invalid YAML, with the file's own line number",
      [[velo, replace("visibility: public", "visibility: [public")]],
      /plan-velo\.md: cannot be read: .*at line 19, column 1/,
    ],
    [
      "news linked to a missing consultation",
      [["news/fr/lancement-plan-velo.md", replace("consultation: plan-velo", "consultation: plan-velos")]],
      /news\/fr\/lancement-plan-velo\.md: consultation: no consultation has the slug "plan-velos"/,
    ],
    [
      "event without place nor online link",
      [["events/fr/balade-urbaine-velo.md", replace(/^place: .*\n/m, "")]],
      /events\/fr\/balade-urbaine-velo\.md: place: an event needs a place or an online link/,
    ],
    [
      "English translation without a French original",
      [["pages/en/a-propos.md", () => "---\ntitle: About\n---\nHello"]],
      /pages\/en\/a-propos\.md: is a translation without a French original/,
    ],
    [
      "English translation started but incomplete",
      [["pages/en/mentions-legales.md", () => "---\ntitle: Legal notice\n---\n"]],
      /pages\/en\/mentions-legales\.md: body: is required/,
    ],
    [
      "page with a reserved slug",
      [["pages/fr/agenda.md", () => "---\ntitle: Agenda\n---\nTexte"]],
      /pages\/fr\/agenda\.md: the slug "agenda" is reserved/,
    ],
    [
      "legal notice page that does not exist",
      [["pages/fr/mentions-legales.md", null]],
      /settings\/site\.yml: legalNoticePage: no page has the slug "mentions-legales"/,
    ],
    [
      "brand colour too light for text",
      [["settings/site.yml", replace('primary: "#1d5a85"', 'primary: "#7fb3d5"')]],
      /settings\/site\.yml: colors: fail WCAG AA contrast: primary \(links\) on background: #7fb3d5 on #ffffff has contrast 2\.\d\d:1/,
    ],
    [
      "site without French",
      [["settings/site.yml", replace("languages:\n  - fr\n  - en", "languages:\n  - en")]],
      /settings\/site\.yml: languages: must include fr/,
    ],
    [
      "header link that is neither a path nor a URL",
      [["settings/site.yml", replace("url: /comment-participer/", "url: comment-participer")]],
      /site\.yml: headerLinks\[0\]\.url: must be a path on this site/,
    ],
    ["invalid contact e-mail", [["settings/site.yml", replace("email: participation@", "email: participation-at-")]], /site\.yml: contact\.email: must be an email address/],
  ];

  it.each(cases)("%s", async (_name, edits, expected) => {
    const error = await failure(await demoWith(...edits));
    expect(error.message).toMatch(expected);
  });

  it("reports every problem at once, sorted by file", async () => {
    const error = await failure(
      await demoWith(
        ["news/fr/lancement-plan-velo.md", replace(/^title: .*\n/m, "")],
        [velo, replace(/^title: .*\n/m, "")],
      ),
    );
    expect(error.issues.map((i) => path.basename(i.file))).toEqual(["plan-velo.md", "lancement-plan-velo.md"]);
    expect(error.message).toMatch(/^2 content problems:/);
  });
});
