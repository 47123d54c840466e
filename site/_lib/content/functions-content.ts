// What the functions know of the organizer content: one small JSON the build writes beside the publish folder
// (`_functions/content.json`, shipped through netlify.toml's `included_files`), so a function never reads nor
// validates content/ itself and serves the content of its own deploy, whatever the repository holds since.
// It lists unlisted consultations too, which is why it is never written into the publish folder.
// This module is the one source of that file: the build plugin, the function tests' harness and the cold-start
// bench write it through `writeFunctionsContent`; the functions import only its types, version and file name
// (no loader, no zod).
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Consultation, ContentStore, Lang, PhaseModules, Term } from "./types.ts";

/** Raised when the JSON's shape changes, so a function refuses a file written by another version. */
export const functionsContentVersion = 2;

export interface FunctionsPhase {
  /** ISO instants. */
  start: string;
  end: string;
  modules: PhaseModules;
}

/** One language version of a consultation: what its live pages show and which forms they offer. */
export interface FunctionsConsultation {
  slug: string;
  lang: Lang;
  title: string;
  /** The French name is the stored key; `name_en` labels it on English pages. */
  themes: Term[];
  /** Names only: the polygons are for the build's maps. */
  districts: Term[];
  phases: FunctionsPhase[];
}

export interface FunctionsContent {
  version: typeof functionsContentVersion;
  settings: { communeName: string };
  consultations: FunctionsConsultation[];
  /** The site shell of each built language (`/_shell/<lang>.html`); absent without a built site. */
  shells: Partial<Record<Lang, string>>;
}

export const functionsContentFile = "content.json";

/** The build's snapshot reads a consultation through this same projection, so it decides the open phase as the functions do. */
export function functionsConsultation(consultation: Consultation): FunctionsConsultation {
  return {
    slug: consultation.slug,
    lang: consultation.lang,
    title: consultation.title,
    themes: consultation.themes,
    districts: consultation.districts.map(({ name, name_en }) => (name_en === undefined ? { name } : { name, name_en })),
    phases: consultation.phases.map((phase) => ({
      start: phase.start.toISOString(),
      end: phase.end.toISOString(),
      modules: phase.modules,
    })),
  };
}

export function functionsContent(store: ContentStore, shells: FunctionsContent["shells"] = {}): FunctionsContent {
  return {
    version: functionsContentVersion,
    settings: { communeName: store.settings.communeName },
    consultations: store.consultations.map(functionsConsultation),
    shells,
  };
}

/**
 * Writes `<dir>/content.json` through a rename, so a function reading it while the dev server rebuilds sees
 * the old file or the new one, never half of it. Synchronous on purpose: Eleventy runs `eleventy.after`
 * listeners in parallel, and a synchronous write is done before the next listener (the dev server's
 * `onBuild`) starts.
 */
export function writeFunctionsContent(dir: string, content: FunctionsContent): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, functionsContentFile);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(content));
  renameSync(temporary, file);
  return file;
}
