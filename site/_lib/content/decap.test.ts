import { describe, expect, it } from "vitest";
import { ideabox } from "../modules/ideabox.ts";
import type { ModuleManifest } from "../modules/manifest.ts";
import { moduleIds } from "../modules/index.ts";
import { decapConfig, decapField, type DecapObject } from "./decap.ts";
import { collections } from "./model/index.ts";
import { imageParts } from "./model/fields.ts";
import { phaseModuleTypes } from "./model/modules.ts";

const config = decapConfig({ backend: { name: "github", repo: "a/b", branch: "main" }, localBackend: true });
const collectionsOf = () => config["collections"] as DecapObject[];
const field = (fields: DecapObject[], name: string) => fields.find((f) => f["name"] === name)!;

describe("generated Decap configuration", () => {
  it("declares every collection of the model, French by default with English as multiple folders", () => {
    expect(collectionsOf().map((c) => c["label"])).toEqual(collections.map((c) => c.label));
    expect(config["i18n"]).toEqual({ structure: "multiple_folders", locales: ["fr", "en"], default_locale: "fr" });
    expect(config).toMatchObject({ local_backend: true, load_config_file: false, media_folder: "content/media", public_folder: "/media" });
  });

  it("stores folder collections at content/<collection> and site settings in one YAML file", () => {
    const [settings, ...folders] = collectionsOf();
    expect((settings!["files"] as DecapObject[])[0]!["file"]).toBe("content/settings/site.yml");
    expect(folders.map((c) => [c["folder"], c["i18n"]])).toEqual([
      ["content/consultations", true],
      ["content/news", true],
      ["content/events", true],
      ["content/pages", true],
    ]);
  });

  it("offers every registered module in the phase editor, with the manifest's settings and defaults", () => {
    const consultations = collectionsOf().find((c) => c["name"] === "consultations")!;
    const phases = field(consultations["fields"] as DecapObject[], "phases");
    const modules = field(phases["fields"] as DecapObject[], "modules");
    expect(modules).toMatchObject({ widget: "list", typeKey: "module" });
    const types = modules["types"] as DecapObject[];
    expect(types.map((t) => t["name"])).toEqual(moduleIds);
    expect(field(types[0]!["fields"] as DecapObject[], "max_propositions_per_citizen")).toMatchObject({
      widget: "number",
      value_type: "int",
      default: 3,
      min: 1,
      max: 100,
    });
  });

  it("adds a newly declared module without touching the content model", () => {
    const survey: ModuleManifest = {
      id: "survey",
      label: { fr: "Questionnaire", en: "Survey" },
      actions: ["answer_survey"],
      globalSettings: {},
      phaseSettings: { answers_open: { type: "boolean", default: false, label: { fr: "Réponses ouvertes", en: "Answers open" } } },
    };
    const types = phaseModuleTypes([ideabox, survey]);
    expect(types.map((t) => t.name)).toEqual(["ideabox", "survey"]);
    expect(types[1]!.fields).toEqual([expect.objectContaining({ name: "answers_open", kind: "boolean", default: false })]);
  });

  it("stores Paris wall-clock times without offset, and districts through the map widget", () => {
    const consultations = collectionsOf().find((c) => c["name"] === "consultations")!;
    const phases = field(consultations["fields"] as DecapObject[], "phases");
    expect(field(phases["fields"] as DecapObject[], "start")).toMatchObject({ widget: "datetime", format: "YYYY-MM-DDTHH:mm", picker_utc: false });
    const districts = field(consultations["fields"] as DecapObject[], "districts");
    expect(field(districts["fields"] as DecapObject[], "polygon")).toMatchObject({ widget: "map", type: "Polygon", required: false });
  });

  it("never copies a picture into English: media fields are not translated nor duplicated (issue 8, point 4)", () => {
    const copied: string[] = [];
    const walk = (fields: DecapObject[], at: string) => {
      for (const f of fields) {
        const name = `${at}${String(f["name"])}`;
        if ((f["widget"] === "image" || f["widget"] === "file") && f["i18n"] !== undefined && f["i18n"] !== false) copied.push(name);
        for (const key of ["fields", "types"]) if (f[key]) walk(f[key] as DecapObject[], `${name}.`);
      }
    };
    for (const c of collectionsOf().filter((c) => c["i18n"])) walk(c["fields"] as DecapObject[], `${String(c["name"])}.`);
    expect(copied).toEqual([]);
  });

  it("never puts i18n \"duplicate\" on a list or an object (Decap rejects it)", () => {
    const offenders: string[] = [];
    const walk = (fields: DecapObject[]) => {
      for (const f of fields) {
        if ((f["fields"] || f["types"] || f["field"]) && f["i18n"] === "duplicate") offenders.push(String(f["name"]));
        for (const key of ["fields", "types"]) if (f[key]) walk(f[key] as DecapObject[]);
      }
    };
    for (const c of collectionsOf()) walk((c["fields"] ?? (c["files"] as DecapObject[])[0]!["fields"]) as DecapObject[]);
    expect(offenders).toEqual([]);
    expect(decapField({ kind: "string", name: "x", label: "X", required: true, i18n: "duplicate" }, true)).toMatchObject({ i18n: "duplicate" });
  });

  it("labels an image's parts as the rules' messages name them", () => {
    const consultations = collectionsOf().find((c) => c["name"] === "consultations")!;
    const cover = field(consultations["fields"] as DecapObject[], "cover");
    const parts = cover["fields"] as DecapObject[];
    expect(parts.map((part) => [part["name"], part["label"]])).toEqual([
      ["src", imageParts.src.label],
      ["alt", imageParts.alt.label],
    ]);
    expect(field(parts, "alt")["hint"]).toBe(imageParts.alt.hint);
  });

  it("leaves checking to the content rules: no Decap pattern, which would also fire from the English pane", () => {
    expect(JSON.stringify(config)).not.toContain('"pattern"');
  });
});
