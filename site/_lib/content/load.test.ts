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
      /plan-velo\.md : Le fichier est illisible : .*at line 19, column 1/,
    ],
    [
      "English translation without a French original",
      [["pages/en/a-propos.md", () => "---\ntitle: About\n---\nHello"]],
      /Page « About » \(.*pages\/en\/a-propos\.md\) : Cette traduction n’a pas d’original en français \(pages\/fr\/a-propos\.md\)\./,
    ],
    [
      "English translation started but incomplete",
      [["pages/en/mentions-legales.md", () => "---\ntitle: Legal notice\n---\n"]],
      /Page « Legal notice » \(.*pages\/en\/mentions-legales\.md\) : « Texte » est obligatoire\./,
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
