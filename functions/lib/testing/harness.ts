/**
 * Function-level test harness: real `Request` objects into the real handlers, against a real database reached
 * through `getDataPort()` (in-memory PGlite, or a fresh database on the throwaway PostgreSQL cluster), and a
 * real content folder read by the build's loader, then written for the functions as the build writes it.
 *
 * `startHarness()` must run before anything calls `getDataPort()` in the test file: it points the data port,
 * the outbox and the functions' content at throwaway places, writes consultations whose phases sit around now,
 * and syncs them into the database exactly as the dev server and the build do. The data port is one per
 * process, so a test file runs on one engine; a suite meant for both is called from one file per engine.
 */
import { cp, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { functionsContent, functionsContentFile, writeFunctionsContent } from "../../../site/_lib/content/functions-content.ts";
import type { PGliteDataPort } from "../db/pglite.ts";
import { createPostgresTestDataPort, type TestDataPort } from "../db/testing.ts";
import { listOutbox, type OutboxMail } from "../mail/outbox.ts";

export const origin = "http://localhost:8888";

export const slugs = {
  /** Phase open now: submit, support and comment allowed, 2 propositions per citizen. */
  open: "ideabox-ouverte",
  /** Phase open now, but supports and comments switched off. */
  quiet: "ideabox-calme",
  /** Only a finished phase: read-only. */
  finished: "ideabox-terminee",
} as const;

export const themes = ["Mobilité", "Environnement"];
export const districts = ["Centre", "Nord"];

/** Paris wall clock, as organizers write it in content files. */
function wall(date: Date): string {
  const f = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Paris", dateStyle: "short", timeStyle: "short" });
  return f.format(date).replace(" ", "T");
}

function consultationFile(title: string, phases: { start: Date; end: Date; ideabox: Record<string, boolean | number> }[]): string {
  const lines = [
    "---",
    `title: "${title}"`,
    "summary: Consultation de test pour les fonctions.",
    "themes:",
    ...themes.flatMap((t) => [`  - name: ${t}`, `    name_en: ${t} (en)`]),
    "districts:",
    ...districts.flatMap((d) => [`  - name: ${d}`, `    name_en: ${d} (en)`]),
    "visibility: public",
    "phases:",
  ];
  for (const [i, phase] of phases.entries()) {
    lines.push(
      `  - title: Phase ${i + 1}`,
      `    start: ${wall(phase.start)}`,
      `    end: ${wall(phase.end)}`,
      "    description: Une phase de test.",
      "    modules:",
      "      - module: ideabox",
      ...Object.entries(phase.ideabox).map(([k, v]) => `        ${k}: ${v}`),
    );
  }
  lines.push("---", "Texte de la consultation.", "");
  return lines.join("\n");
}

const day = 86_400_000;

async function writeContent(dir: string): Promise<void> {
  // Settings and pages come from the demo content, so the fixture follows the content model as it evolves.
  await cp("content/settings", join(dir, "settings"), { recursive: true });
  await cp("content/pages", join(dir, "pages"), { recursive: true });
  await cp("content/media", join(dir, "media"), { recursive: true });
  await mkdir(join(dir, "consultations", "fr"), { recursive: true });
  const now = Date.now();
  const open = { submissions_open: true, supports_open: true, comments_open: true, max_propositions_per_citizen: 2 };
  const files: Record<string, string> = {
    [slugs.open]: consultationFile("Une boîte à idées ouverte", [{ start: new Date(now - 2 * day), end: new Date(now + 30 * day), ideabox: open }]),
    [slugs.quiet]: consultationFile("Une boîte à idées calme", [
      { start: new Date(now - 2 * day), end: new Date(now + 30 * day), ideabox: { ...open, supports_open: false, comments_open: false } },
    ]),
    [slugs.finished]: consultationFile("Une boîte à idées terminée", [{ start: new Date(now - 60 * day), end: new Date(now - 30 * day), ideabox: open }]),
  };
  for (const [slug, text] of Object.entries(files)) await writeFile(join(dir, "consultations", "fr", `${slug}.md`), text);
}

/** What a test can use on either engine. */
export interface PortableHarness {
  engine: "pglite" | "postgres";
  /** The fixture content folder the functions' content JSON was written from. */
  contentDir: string;
  /** Runs SQL as the database owner, outside the actions. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Rows of a table, counted as the database owner. */
  count(table: string, where?: string, params?: unknown[]): Promise<number>;
  /** Newest mail sent to `to`. */
  lastMail(to: string): Promise<OutboxMail>;
}

/** The default, in-memory PGlite harness; `port.db` reaches PGlite directly (e.g. to plant a failing trigger). */
export interface Harness extends PortableHarness {
  engine: "pglite";
  port: PGliteDataPort;
}

export interface HarnessOptions {
  /**
   * Server URL of the throwaway PostgreSQL cluster (`inject("pgUrl")`): the file then runs on a fresh, migrated
   * database of it, which the functions reach through DATABASE_URL and the pg adapter.
   */
  postgres?: string;
}

/** Sets the variables for this test file and puts the previous values back after it (workers are reused). */
function useEnv(values: Record<string, string | undefined>): void {
  const previous = Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name]]));
  const apply = (entries: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(entries)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  apply(values);
  afterAll(() => apply(previous));
}

interface Database {
  env: Record<string, string | undefined>;
  /** Owner access for `sql` on PostgreSQL; PGlite's comes from the data port itself, once it is open. */
  owner?: TestDataPort;
}

async function freshPostgresDatabase(serverUrl: string): Promise<Database> {
  // The test port creates and migrates the database; only its owner connection is used afterwards.
  const owner = await createPostgresTestDataPort(serverUrl, { max: 1 });
  afterAll(() => owner.close());
  const [database] = await owner.sql<{ name: string }>("select current_database() as name");
  const url = new URL(serverUrl);
  url.pathname = `/${database!.name}`;
  return { env: { DATABASE_URL: url.href, PARLONS_MIGRATE: "0", PARLONS_PGLITE_DIR: undefined }, owner };
}

export async function startHarness(): Promise<Harness>;
export async function startHarness(options: HarnessOptions): Promise<PortableHarness>;
export async function startHarness(options: HarnessOptions = {}): Promise<PortableHarness> {
  const root = await mkdtemp(join(tmpdir(), "parlons-functions-"));
  const database: Database = options.postgres
    ? await freshPostgresDatabase(options.postgres)
    : { env: { PARLONS_PGLITE_DIR: "memory://", DATABASE_URL: undefined, PARLONS_MIGRATE: undefined } };
  useEnv({
    ...database.env,
    PARLONS_OUTBOX_DIR: join(root, "outbox"),
    PARLONS_FUNCTIONS_CONTENT: join(root, "functions", functionsContentFile),
    PARLONS_SECRET: "test-secret-for-functions",
    SUPABASE_URL: undefined,
    SMTP_URL: undefined,
  });
  await writeContent(join(root, "content"));

  const { getDataPort } = await import("../db/index.ts");
  const { loadContent } = await import("../../../site/_lib/content/load.ts");
  const { syncContent } = await import("../../../scripts/sync-content.ts");
  const port = await getDataPort();
  afterAll(() => port.close());
  const store = await loadContent(join(root, "content"));
  await syncContent(port, store);
  // No built site: the pages use the minimal shell.
  writeFunctionsContent(join(root, "functions"), functionsContent(store));

  const pglite = port as PGliteDataPort;
  const sql = database.owner
    ? database.owner.sql
    : async <T,>(text: string, params?: unknown[]) => (await pglite.db.query<T>(text, params)).rows;
  const common = {
    contentDir: join(root, "content"),
    sql,
    async count(table: string, where = "true", params: unknown[] = []) {
      if (!/^[a-z_]+$/.test(table)) throw new Error(`bad table ${table}`);
      const [row] = await sql<{ n: number }>(`select count(*)::int as n from public.${table} where ${where}`, params);
      return row!.n;
    },
    async lastMail(to: string) {
      const mail = (await listOutbox()).find((m) => m.to === to);
      if (!mail) throw new Error(`no mail to ${to}`);
      return mail;
    },
  };
  if (database.owner) return { engine: "postgres", ...common };
  const harness: Harness = { engine: "pglite", port: pglite, ...common };
  return harness;
}
