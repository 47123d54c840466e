// One example of content each rule refuses, written once (govuk-frontend's examples habit) and used by every
// test that must see the rule: the rules' unit test, the loader test (the build's French sentence) and the
// browser test (Decap blocks the save and shows the sentence at the field). A new rule without an example
// fails the unit test.
import type { Path, RuleCode } from "./issues.ts";
import { isData, type Data } from "./values.ts";

export interface RuleExample {
  code: RuleCode;
  /** Demo file (under content/) whose data the example changes. */
  from: string;
  /** Where the changed file goes, when not over `from` (a new entry, or a file name under test). */
  as?: string;
  /** Turns the demo data (front matter plus `body`) into content the build refuses. */
  edit(data: Data): void;
  /** Where the rule reports. */
  path: Path;
  /** Slug rules: the title an organizer types into a new entry in the editor, giving that file name. */
  newTitle?: string;
}

/** Rules no content of the current model can break, with the reason; every other rule has an example. */
export const withoutExample: Partial<Record<RuleCode, string>> = {
  slug: "no field of the content model has the slug format",
  path: "no field of the content model has the path format",
};

const velo = "consultations/fr/plan-velo.md";
const ride = "events/fr/balade-urbaine-velo.md";
const launch = "news/fr/lancement-plan-velo.md";
const site = "settings/site.yml";
const legal = "pages/fr/mentions-legales.md";

/** The object at `path` in `data`, to edit in place. */
function at(data: Data, ...path: Path): Data {
  let node: unknown = data;
  for (const segment of path) node = (node as Record<string | number, unknown>)[segment];
  if (!isData(node)) throw new Error(`example: nothing to edit at ${path.join(".")}`);
  return node;
}

export const ruleExamples: readonly RuleExample[] = [
  { code: "required", from: velo, edit: (d) => void (d["title"] = "   "), path: ["title"] },
  { code: "not_text", from: velo, edit: (d) => void (d["title"] = 2027), path: ["title"] },
  {
    code: "unknown_field",
    from: velo,
    edit: (d) => void (d["visibilty"] = "public"),
    path: [],
  },
  { code: "datetime", from: velo, edit: (d) => void (at(d, "phases", 0)["start"] = "2026-02-30T09:00"), path: ["phases", 0, "start"] },
  {
    code: "not_boolean",
    from: velo,
    edit: (d) => void (at(d, "phases", 1, "modules", 0)["submissions_open"] = "oui"),
    path: ["phases", 1, "modules", 0, "submissions_open"],
  },
  {
    code: "not_number",
    from: velo,
    edit: (d) => void (at(d, "phases", 1, "modules", 0)["max_propositions_per_citizen"] = "trois"),
    path: ["phases", 1, "modules", 0, "max_propositions_per_citizen"],
  },
  {
    code: "integer",
    from: velo,
    edit: (d) => void (at(d, "phases", 1, "modules", 0)["max_propositions_per_citizen"] = 2.5),
    path: ["phases", 1, "modules", 0, "max_propositions_per_citizen"],
  },
  {
    code: "too_small",
    from: velo,
    edit: (d) => void (at(d, "phases", 1, "modules", 0)["max_propositions_per_citizen"] = 0),
    path: ["phases", 1, "modules", 0, "max_propositions_per_citizen"],
  },
  {
    code: "too_large",
    from: velo,
    edit: (d) => void (at(d, "phases", 1, "modules", 0)["max_propositions_per_citizen"] = 500),
    path: ["phases", 1, "modules", 0, "max_propositions_per_citizen"],
  },
  { code: "option", from: velo, edit: (d) => void (d["visibility"] = "secrète"), path: ["visibility"] },
  { code: "media", from: velo, edit: (d) => void (at(d, "cover")["src"] = "plan-velo.jpg"), path: ["cover", "src"] },
  {
    code: "polygon",
    from: velo,
    edit: (d) => void (at(d, "districts", 0)["polygon"] = '{"type":"Point","coordinates":[-2.06,47.3]}'),
    path: ["districts", 0, "polygon"],
  },
  { code: "list_too_short", from: velo, edit: (d) => void (d["phases"] = []), path: ["phases"] },
  {
    code: "unknown_type",
    from: velo,
    edit: (d) => void (at(d, "phases", 1, "modules", 0)["module"] = "survey"),
    path: ["phases", 1, "modules", 0, "module"],
  },
  { code: "image_alt_missing", from: velo, edit: (d) => void delete at(d, "cover")["alt"], path: ["cover", "alt"] },
  {
    code: "phase_end_not_after_start",
    from: velo,
    edit: (d) => void (at(d, "phases", 1)["end"] = "2026-10-01T00:00"),
    path: ["phases", 1, "end"],
  },
  {
    code: "phase_overlaps_previous",
    from: velo,
    edit: (d) => void (at(d, "phases", 2)["start"] = "2027-05-01T00:00"),
    path: ["phases", 2, "start"],
  },
  {
    code: "module_twice",
    from: velo,
    edit: (d) => {
      const modules = at(d, "phases", 1)["modules"] as Data[];
      modules.push({ ...modules[0] });
    },
    path: ["phases", 1, "modules", 1],
  },
  { code: "event_end_before_start", from: ride, edit: (d) => void (d["end"] = "2026-10-10T09:00"), path: ["end"] },
  { code: "event_place_or_link", from: ride, edit: (d) => void delete d["place"], path: ["place"] },
  { code: "url", from: ride, edit: (d) => void (d["onlineLink"] = "www.visio.example/balade"), path: ["onlineLink"] },
  { code: "relation_format", from: ride, edit: (d) => void (d["consultation"] = "Plan vélo"), path: ["consultation"] },
  { code: "relation_missing", from: ride, edit: (d) => void (d["consultation"] = "plan-velos"), path: ["consultation"] },
  { code: "date", from: launch, edit: (d) => void (d["date"] = "2026-02-30"), path: ["date"] },
  { code: "email", from: site, edit: (d) => void (at(d, "contact")["email"] = "participation-at-mairie"), path: ["contact", "email"] },
  { code: "link", from: site, edit: (d) => void (at(d, "headerLinks", 0)["url"] = "comment-participer"), path: ["headerLinks", 0, "url"] },
  { code: "color", from: site, edit: (d) => void (at(d, "colors")["primary"] = "bleu"), path: ["colors", "primary"] },
  { code: "contrast", from: site, edit: (d) => void (at(d, "colors")["secondary"] = "#d9480f"), path: ["colors", "secondary"] },
  { code: "languages_without_fr", from: site, edit: (d) => void (d["languages"] = ["en"]), path: ["languages"] },
  {
    code: "not_list",
    from: velo,
    edit: (d) => void (d["themes"] = "Pistes cyclables"),
    path: ["themes"],
  },
  { code: "not_object", from: velo, edit: (d) => void (d["cover"] = "/media/plan-velo.jpg"), path: ["cover"] },
  {
    code: "slug_invalid",
    from: legal,
    as: "pages/fr/ete_2026.md",
    edit: (d) => void (d["title"] = "Été_2026"),
    path: ["title"],
    newTitle: "Été_2026",
  },
  {
    code: "page_slug_reserved",
    from: legal,
    as: "pages/fr/agenda.md",
    edit: (d) => void (d["title"] = "Agenda"),
    path: ["title"],
    newTitle: "Agenda",
  },
];
