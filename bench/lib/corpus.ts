// Real French civic text for generated content: République numérique opinions and arguments (2015) and the
// winning projects of Paris's participatory budget. Generated pages then weigh what real ones would.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseCsv } from "./csv.ts";

export interface Corpus {
  /** Titles and bodies of citizen opinions. */
  opinions: { title: string; body: string }[];
  /** Short argument texts, for summaries and comments. */
  arguments: string[];
  /** Participatory-budget project titles with their theme and district. */
  projects: { title: string; theme: string; district: string }[];
}

/** The shared data folder sits beside the repository (as in CI), or where PARLONS_SHARED_DATA says. */
const dataDir =
  process.env.PARLONS_SHARED_DATA ??
  [resolve("../shared/data"), "/work/shared/data"].find((dir) => existsSync(dir)) ??
  resolve("../shared/data");

export function loadCorpus(): Corpus {
  const read = (path: string) => parseCsv(readFileSync(join(dataDir, path), "utf8"));
  const opinions = read("republique-numerique-2015/opinions.csv")
    .filter((row) => row["is_trashed"] !== "True" && (row["body"] ?? "").length > 200)
    .map((row) => ({ title: (row["title"] ?? "").slice(0, 140), body: row["body"] ?? "" }));
  const argumentsList = read("republique-numerique-2015/arguments.csv")
    .map((row) => row["body"] ?? "")
    .filter((body) => body.length > 40);
  const projects = read("budget-participatif/paris_bp_projets_gagnants.csv").map((row) => ({
    title: row["title"] ?? "",
    theme: row["theme"] ?? "",
    district: `Paris ${row["arrondissement"] ?? ""}e`,
  }));
  if (opinions.length === 0 || argumentsList.length === 0 || projects.length === 0) {
    throw new Error(`No text found under ${dataDir} (set PARLONS_SHARED_DATA to the shared data folder)`);
  }
  return { opinions, arguments: argumentsList, projects };
}

/** The i-th item, cycling: deterministic, so two bench runs build the same site. */
export function pick<T>(items: T[], index: number): T {
  return items[index % items.length] as T;
}
