// The loader on the demo content, and on broken copies of it: each broken case must fail with one
// ContentError naming the faulty file and field, as an organizer would read it in the build log.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ContentError } from "./errors.ts";
import { loadContent } from "./load.ts";
import { exampleFile } from "./example-files.ts";
import { ruleExamples } from "./rules/examples.ts";
import { labelTrail } from "./rules/index.ts";
import type { ContentStore } from "./types.ts";
import { t } from "../i18n/index.ts";

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
    expect(velo.districts[1]).toEqual({ name: "Les Prés-Salés", name_en: "Les Prés-Salés" });
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

  it("gives themes and districts an English name, the French one staying the key", () => {
    const velo = store.consultations.find((c) => c.slug === "plan-velo" && c.lang === "en")!;
    expect(velo.themes[0]).toEqual({ name: "Pistes cyclables", name_en: "Cycle lanes" });
    expect(velo.districts[2]).toEqual({ name: "Le Port", name_en: "The Harbour" });
    expect(store.warnings).toEqual([]);
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

// Issue 8, point 4: French-only entries stay French-only, and a partial translation is shown, never refused.
describe("translations", () => {
  const market = "consultations/en/place-du-marche.md";
  const entriesOf = (copy: ContentStore, slug: string) => copy.consultations.filter((c) => c.slug === slug);

  it("treats an English file holding only a duplicated image src as absent", async () => {
    const copy = await loadContent(await demoWith([market, () => "---\ncover:\n  src: /media/plan-velo.jpg\nvisibility: public\n---\n"]));
    expect(entriesOf(copy, "place-du-marche").map((c) => c.url)).toEqual(["/consultations/place-du-marche/"]);
    expect(copy.warnings).toEqual([]);
  });

  it("treats an English file whose translated fields are all empty as absent", async () => {
    const empty = "---\ntitle: ''\ncover:\n  alt: ''\nphases:\n  - start: 2025-03-15T09:00\n    title: ''\n---\n";
    const copy = await loadContent(await demoWith([market, () => empty]));
    expect(entriesOf(copy, "place-du-marche").map((c) => c.lang)).toEqual(["fr"]);
  });

  it("falls back to French field by field in a partly translated entry, with a build warning", async () => {
    const file = "pages/en/mentions-legales.md";
    const copy = await loadContent(await demoWith([file, () => "---\ntitle: Legal notice\n---\n"]));
    const [fr, en] = ["fr", "en"].map((lang) => copy.pages.find((p) => p.slug === "mentions-legales" && p.lang === lang)!);
    expect(en?.url).toBe("/en/mentions-legales/");
    expect(en?.title).toBe("Legal notice");
    expect(en?.body).toBe(fr?.body);
    expect(copy.warnings).toEqual([
      { file: expect.stringMatching(/pages\/en\/mentions-legales\.md$/), path: [], message: "partly translated: the French text is shown for summary, body" },
    ]);
  });

  it("falls back inside lists and images too, and always shows the French picture", async () => {
    const velo = "consultations/en/plan-velo.md";
    const copy = await loadContent(
      await demoWith([
        velo,
        (text) =>
          replace(/^  - title: Feedback\n    description: [\s\S]*?meeting\.\n/m, "")(
            replace(/^  alt: A cycle lane.*\n/m, "")(replace("src: /media/plan-velo.jpg", "src: /media/atelier-velo.jpg")(text)),
          ),
      ]),
    );
    const [fr, en] = ["fr", "en"].map((lang) => entriesOf(copy, "plan-velo").find((c) => c.lang === lang)!);
    expect(en?.phases.map((p) => p.title)).toEqual(["Information and assessment", "Your proposals", fr?.phases[2]?.title]);
    expect(en?.cover).toEqual(fr?.cover);
    expect(copy.warnings.map((w) => w.message)).toEqual([
      "partly translated: the French text is shown for cover.alt, phases[2].title, phases[2].description",
    ]);
  });

  it("warns about a theme or a district without an English name, which shows its French name", async () => {
    const velo = "consultations/fr/plan-velo.md";
    const copy = await loadContent(await demoWith([velo, replace(/^    name_en: Cycle lanes\n/m, "")]));
    const en = entriesOf(copy, "plan-velo").find((c) => c.lang === "en");
    expect(en?.themes[0]).toEqual({ name: "Pistes cyclables" });
    expect(copy.warnings).toEqual([
      {
        file: expect.stringMatching(/consultations\/fr\/plan-velo\.md$/),
        path: ["themes", 0, "name_en"],
        message: "no English name: English pages show the French one",
      },
    ]);
  });
});

describe("broken content: a French sentence naming the entry, its file and the field's label", () => {
  it.each(ruleExamples.map((example) => [example.code, example] as const))("%s (rule example)", async (_code, example) => {
    const { file, text, collection } = exampleFile(example);
    const error = await failure(await demoWith([file, () => text]));
    const issue = error.issues.find((candidate) => candidate.code === example.code && candidate.path.join() === example.path.join());
    expect(issue, error.message).toBeDefined();
    expect(issue!.file).toMatch(new RegExp(`${file.replace(/\./g, "\\.")}$`));
    const entry = collection.type === "folder" ? collection.labelSingular : collection.label;
    expect(issue!.message).toMatch(new RegExp(`^${entry} .*\\(${issue!.file}\\) : `));
    if (t("fr", `content.rules.${example.code}`).includes("{label}")) {
      expect(issue!.message).toContain(`« ${labelTrail(collection.fields, example.path, "fr")} »`);
    }
  });

  const velo = "consultations/fr/plan-velo.md";
  const cases: [string, Edit[], RegExp][] = [
    [
      "phase ending before it starts",
      [[velo, replace("end: 2027-05-31T23:59", "end: 2026-10-01T00:00")]],
      /^Consultation « Plan vélo 2027 : dessinons ensemble nos itinéraires » \(.*consultations\/fr\/plan-velo\.md\) : « Phases n° 2 › Fin » doit être après le début de la phase\.$/,
    ],
    [
      "missing title: the entry is named by its file",
      [[velo, replace(/^title: .*\n/m, "")]],
      /^Consultation \(.*plan-velo\.md\) : « Titre » est obligatoire\.$/,
    ],
    [
      "brand colour too light for text, blamed on that colour",
      [["settings/site.yml", replace('primary: "#1d5a85"', 'primary: "#7fb3d5"')]],
      /Réglages du site \(.*settings\/site\.yml\) : « Couleurs › Couleur principale » rend un texte illisible : les liens \(couleur principale\) sur le fond de page \(#7fb3d5 sur #ffffff\) n’a qu’un contraste de 2,\d\d:1/,
    ],
    [
      "invalid YAML, with the file's own line number",
      [[velo, replace("visibility: public", "visibility: [public")]],
      /plan-velo\.md : Le fichier est illisible : .*at line 27, column 1/,
    ],
    [
      "English translation without a French original",
      [["pages/en/a-propos.md", () => "---\ntitle: About\n---\nHello"]],
      /Page « About » \(.*pages\/en\/a-propos\.md\) : Cette traduction n’a pas d’original en français \(pages\/fr\/a-propos\.md\)\./,
    ],
    [
      "theme written as a bare name (before themes had an English name)",
      [["consultations/fr/plan-velo.md", replace(/themes:\n  - name: Pistes cyclables\n    name_en: Cycle lanes/, "themes:\n  - Pistes cyclables")]],
      /plan-velo\.md\) : « Thèmes n° 1 » doit être un groupe de champs\./,
    ],
    [
      "page with a reserved slug",
      [["pages/fr/agenda.md", () => "---\ntitle: Agenda\n---\nTexte"]],
      /Page « Agenda » \(.*pages\/fr\/agenda\.md\) : L’adresse « \/agenda\/ » est réservée à une rubrique du site/,
    ],
    [
      "legal notice page that does not exist",
      [["pages/fr/mentions-legales.md", null]],
      /site\.yml\) : « Page des mentions légales » désigne « mentions-legales », qui n’existe pas ou plus/,
    ],
    [
      "file name that is not a slug",
      [["news/fr/Marché.md", () => "---\ntitle: Marché\ndate: 2026-06-05\n---\nTexte"]],
      /Actualité « Marché » \(.*news\/fr\/Marché\.md\) : L’adresse de l’entrée, « Marché »/,
    ],
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
    expect(error.message).toMatch(/^2 problèmes dans le contenu :/);
  });
});
