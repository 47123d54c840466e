/**
 * Function-level test harness: real `Request` objects into the real handlers, against a real (in-memory
 * PGlite) database reached through `getDataPort()`, and a real content folder read by the build's loader.
 *
 * `startHarness()` must run before anything calls `getDataPort()` in the test file: it points the data port,
 * the outbox and the content loader at throwaway places, writes consultations whose phases sit around now,
 * and syncs them into the database exactly as the dev server and the build do.
 */
import { cp, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import type { PGliteDataPort } from "../db/pglite.ts";
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
    ...themes.map((t) => `  - ${t}`),
    "districts:",
    ...districts.map((d) => `  - name: ${d}`),
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

export interface Harness {
  port: PGliteDataPort;
  /** Rows of a table, counted as the database owner. */
  count(table: string, where?: string, params?: unknown[]): Promise<number>;
  /** Newest mail sent to `to`. */
  lastMail(to: string): Promise<OutboxMail>;
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

export async function startHarness(): Promise<Harness> {
  const root = await mkdtemp(join(tmpdir(), "parlons-functions-"));
  useEnv({
    PARLONS_PGLITE_DIR: "memory://",
    PARLONS_OUTBOX_DIR: join(root, "outbox"),
    PARLONS_CONTENT_DIR: join(root, "content"),
    PARLONS_SITE_DIR: join(root, "no-site"),
    PARLONS_SECRET: "test-secret-for-functions",
    DATABASE_URL: undefined,
    SUPABASE_URL: undefined,
    SMTP_URL: undefined,
  });
  await writeContent(join(root, "content"));

  const { getDataPort } = await import("../db/index.ts");
  const { loadContent } = await import("../../../site/_lib/content/load.ts");
  const { syncContent } = await import("../../../scripts/sync-content.ts");
  const port = (await getDataPort()) as PGliteDataPort;
  afterAll(() => port.close());
  await syncContent(port, await loadContent(join(root, "content")));

  return {
    port,
    async count(table, where = "true", params = []) {
      if (!/^[a-z_]+$/.test(table)) throw new Error(`bad table ${table}`);
      const { rows } = await port.db.query<{ n: number }>(`select count(*)::int as n from public.${table} where ${where}`, params);
      return rows[0]!.n;
    },
    async lastMail(to) {
      const mail = (await listOutbox()).find((m) => m.to === to);
      if (!mail) throw new Error(`no mail to ${to}`);
      return mail;
    },
  };
}
