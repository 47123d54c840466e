// Rules that tie several fields of one entry together. Each reports at the field to change (a phase's end, the
// brand colour behind a failing pair), so the editor can open that item and show the sentence there. They run
// on values the field rules accepted: a malformed date is reported once, as a date, not again as an ordering.
import { contrastFailures } from "../../branding/guard.ts";
import { brandColorOf, paletteFrom } from "../../branding/palette.ts";
import { isHexColor } from "../../branding/contrast.ts";
import type { Collection } from "../model/index.ts";
import { parisInstant } from "../time.ts";
import type { Path, RuleCode, RuleIssue } from "./issues.ts";
import { isData, type Data } from "./values.ts";

type Report = (path: Path, code: RuleCode, params?: RuleIssue["params"]) => void;

const instant = (value: unknown): Date | undefined => (typeof value === "string" ? parisInstant(value) : undefined);

/** The label of a phase module type, as the editor lists it. */
function moduleLabel(collection: Collection, id: string): string {
  const phases = collection.fields.find((field) => field.name === "phases");
  const modules = phases?.kind === "objectList" ? phases.fields.find((field) => field.name === "modules") : undefined;
  return (modules?.kind === "typedList" ? modules.types.find((type) => type.name === id)?.label : undefined) ?? id;
}

function consultation(data: Data, report: Report, collection: Collection): void {
  const phases = Array.isArray(data["phases"]) ? data["phases"] : [];
  phases.forEach((phase: unknown, i) => {
    if (!isData(phase)) return;
    const [start, end] = [instant(phase["start"]), instant(phase["end"])];
    if (start && end && end <= start) report(["phases", i, "end"], "phase_end_not_after_start");
    const previous = phases[i - 1] as unknown;
    const previousEnd = isData(previous) ? instant(previous["end"]) : undefined;
    if (start && previousEnd && start < previousEnd) report(["phases", i, "start"], "phase_overlaps_previous", { previous: i });
    const seen = new Set<unknown>();
    (Array.isArray(phase["modules"]) ? phase["modules"] : []).forEach((module: unknown, j) => {
      const id = isData(module) ? module["module"] : undefined;
      if (id !== undefined && seen.has(id)) report(["phases", i, "modules", j], "module_twice", { module: moduleLabel(collection, String(id)) });
      seen.add(id);
    });
  });
}

function event(data: Data, report: Report): void {
  const [start, end] = [instant(data["start"]), instant(data["end"])];
  if (start && end && end < start) report(["end"], "event_end_before_start");
  if (data["place"] === undefined && data["onlineLink"] === undefined) report(["place"], "event_place_or_link");
}

function settings(data: Data, report: Report): void {
  const colors = data["colors"];
  if (isData(colors) && typeof colors["primary"] === "string" && typeof colors["secondary"] === "string") {
    const { primary, secondary } = colors;
    if (isHexColor(primary) && isHexColor(secondary)) {
      for (const failure of contrastFailures(paletteFrom({ primary, secondary }))) {
        const pair = failure.colorPair;
        const blamed = brandColorOf[pair.foreground] ?? brandColorOf[pair.background] ?? "primary";
        report(["colors", blamed], "contrast", {
          pair: { t: `content.pairs.${pair.foreground}-on-${pair.background}` },
          foreground: failure.foreground,
          background: failure.background,
          ratio: Math.floor(failure.ratio * 100) / 100,
          min: failure.min,
        });
      }
    }
  }
  const languages = data["languages"];
  if (Array.isArray(languages) && !languages.includes("fr")) report(["languages"], "languages_without_fr");
}

/** Cross-field rules by collection name. */
export const crossRules: Readonly<Record<string, (data: Data, report: Report, collection: Collection) => void>> = {
  consultations: consultation,
  events: event,
  settings,
};
