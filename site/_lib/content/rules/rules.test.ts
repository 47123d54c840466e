// The rules on the demo content (all valid) and on each example (refused by exactly its rule, where it says).
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exampleFile, readData } from "../example-files.ts";
import { folderCollections, settingsCollection } from "../model/index.ts";
import { ruleExamples, withoutExample } from "./examples.ts";
import { checkEntry, decapSlug, issueMessage, labelTrail, ruleCodes, slugRefusal, stripEmpty, type Data, type Exists } from "./index.ts";

const exists: Exists = (collection, slug) => existsSync(path.join("content", collection, "fr", `${slug}.md`));

describe("every rule", () => {
  it("has an example, or a reason why no content can break it", () => {
    const covered = new Set(ruleExamples.map((example) => example.code));
    expect(ruleCodes.filter((code) => !covered.has(code) && !withoutExample[code])).toEqual([]);
    expect(Object.keys(withoutExample).filter((code) => covered.has(code as never))).toEqual([]);
  });

  it.each(ruleExamples.map((example) => [example.code, example] as const))("%s: refuses its example at its field", (_code, example) => {
    const { collection, data, slug } = exampleFile(example);
    const issues = checkEntry(collection, data, { slug, exists });
    expect(issues.map((issue) => issue.code)).toEqual(issues.map(() => example.code));
    expect(issues.map((issue) => issue.path)).toContainEqual(example.path);
  });
});

describe("the demo content", () => {
  const files = [
    ...folderCollections.flatMap((collection) =>
      readdirSync(path.join("content", collection.name, "fr")).map((name) => [collection, path.join("content", collection.name, "fr", name)] as const),
    ),
    [settingsCollection, "content/settings/site.yml"] as const,
  ];

  it.each(files.map(([collection, file]) => [file, collection] as const))("%s passes every rule", (file, collection) => {
    const data = stripEmpty(readData(file)) as Data;
    const slug = collection.type === "folder" ? path.basename(file, ".md") : undefined;
    expect(checkEntry(collection, data, { slug, exists })).toEqual([]);
  });
});

describe("slugs", () => {
  it("follows Decap's slug of a title", () => {
    expect(decapSlug("Plan vélo 2027 : dessinons ensemble nos itinéraires")).toBe("plan-velo-2027-dessinons-ensemble-nos-itineraires");
    expect(decapSlug("L'œuvre d’Ève à 10.30 h")).toBe("loeuvre-d-eve-a-10-30-h");
    expect(decapSlug("  « Été » — 2026 !  ")).toBe("ete-2026");
    expect(decapSlug("Été_2026")).toBe("ete_2026");
    expect(decapSlug("日本")).toBe("");
  });

  it("refuses what is not a plain slug, and sections' names for pages only", () => {
    expect(slugRefusal("pages", "ete_2026")).toBe("slug_invalid");
    expect(slugRefusal("news", "")).toBe("slug_invalid");
    expect(slugRefusal("pages", "agenda")).toBe("page_slug_reserved");
    expect(slugRefusal("news", "agenda")).toBeUndefined();
  });
});

describe("messages", () => {
  const consultations = folderCollections.find((collection) => collection.name === "consultations")!;

  it("names a field by the labels the editor shows, items numbered from 1", () => {
    expect(labelTrail(consultations.fields, ["phases", 1, "end"], "fr")).toBe("Phases n° 2 › Fin");
    expect(labelTrail(consultations.fields, ["phases", 1, "end"], "fr", 2)).toBe("Fin");
    expect(labelTrail(consultations.fields, ["cover", "alt"], "fr")).toBe("Image de couverture › Texte alternatif");
    expect(labelTrail(consultations.fields, ["themes", 0], "en")).toBe("Thèmes no. 1");
    expect(labelTrail(consultations.fields, ["themes", 0, "name_en"], "fr")).toBe("Thèmes n° 1 › Nom en anglais");
    expect(labelTrail(consultations.fields, ["phases", 0, "modules", 1], "fr", 2)).toBe("Modules de participation n° 2");
  });

  it("writes French and English sentences with their values, numbers in the language's format", () => {
    const params = { pair: { t: "content.pairs.primary-on-bg" }, foreground: "#7fb3d5", background: "#ffffff", ratio: 2.56, min: 4.5 };
    expect(issueMessage("fr", "contrast", params, "Couleur principale")).toBe(
      "« Couleur principale » rend un texte illisible : les liens (couleur principale) sur le fond de page (#7fb3d5 sur #ffffff) n’a qu’un contraste de 2,56:1, il faut au moins 4,5:1 (WCAG AA). Choisissez une couleur plus foncée ou plus claire.",
    );
    expect(issueMessage("en", "too_small", { min: 1 }, "Maximum")).toBe("“Maximum” must be at least 1.");
  });
});
