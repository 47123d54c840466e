// Each function's cold start, as a new Netlify instance pays it: a fresh Node process imports the function's
// bundle (built as Netlify builds it; the external packages resolved from node_modules, as Netlify ships them
// beside it) and answers one real Request on the PostgreSQL adapter with PARLONS_MIGRATE=0. Node's own boot
// is left out: it is the same for every function and not ours to shrink. The baseline, run alongside, is the
// floor of any function that reads the database: importing pg, connecting and running `select 1`.
// Run alone: tsx bench/lib/cold-start.ts (bench:api prints the same report).
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { build } from "esbuild";
import { sessionCookie } from "../../functions/lib/auth/cookie.ts";
import { serverSecret } from "../../functions/lib/auth/secret.ts";
import { createPostgresTestDataPort, signIn } from "../../functions/lib/db/testing.ts";
import { startPgCluster, findPostgresBin } from "../../scripts/pg-cluster.ts";
import { syncContent } from "../../scripts/sync-content.ts";
import { projectRoot } from "../../site/_config/options.ts";
import { functionsContent, writeFunctionsContent } from "../../site/_lib/content/functions-content.ts";
import { loadContent } from "../../site/_lib/content/load.ts";
import type { ContentStore } from "../../site/_lib/content/types.ts";
import { functionBundles } from "./bundle.ts";
import type { ChildResult, ChildSpec } from "./cold-start-child.ts";

const run = promisify(execFile);
const origin = "http://localhost:8888";
const runs = Number(process.env["BENCH_COLD_RUNS"] ?? 3);
export const coldStartTargetMs = 150;

export interface ColdStart extends ChildResult {
  name: string;
  totalMs: number;
}

/** What the first requests need: a consultation open now, one of its propositions with a comment, sessions. */
interface Fixture {
  slug: string;
  propositionId: string;
  commentId: string;
  cookie: string;
  /** A second session, which the sign-out request ends. */
  signOutCookie: string;
}

type FirstRequest = Omit<ChildSpec, "bundle">;

function get(path: string, options: { cookie?: string; json?: boolean } = {}): FirstRequest {
  const headers: Record<string, string> = { accept: options.json ? "application/json" : "text/html" };
  if (options.cookie) headers["cookie"] = options.cookie;
  return { url: `${origin}${path}`, method: "GET", headers };
}

function post(path: string, body: unknown, cookie?: string): FirstRequest {
  const headers: Record<string, string> = {
    accept: "application/json",
    "content-type": "application/json",
    "sec-fetch-site": "same-origin",
    origin,
  };
  if (cookie) headers["cookie"] = cookie;
  return { url: `${origin}${path}`, method: "POST", headers, body: JSON.stringify(body) };
}

/** One first request per function, reaching the database wherever the function does. */
function firstRequests(f: Fixture): Record<string, FirstRequest> {
  const proposition = `/consultations/${f.slug}/propositions/${f.propositionId}/`;
  return {
    "auth-code": post("/api/auth/code", { email: "froid@bench.example", code: "000000" }),
    "auth-sign-in": post("/api/auth/sign-in", { email: "froid@bench.example" }),
    "auth-sign-out": post("/api/auth/sign-out", {}, f.signOutCookie),
    "auth-verify": get(`/api/auth/verify?token=${"a".repeat(43)}`),
    "comment-replies": get(`/api/comments/${f.commentId}/replies`, { json: true }),
    comments: post(`/api/propositions/${f.propositionId}/comments`, { body: "Un banc, oui." }, f.cookie),
    "decap-auth": get("/api/decap/auth"),
    "me-display-name": post("/api/me/display-name", { display_name: "Camille" }, f.cookie),
    me: get("/api/me", { cookie: f.cookie, json: true }),
    "page-account": get("/compte/", { cookie: f.cookie }),
    "page-comment-replies": get(`${proposition}reponses/${f.commentId}/`),
    "page-proposition": get(proposition),
    "page-propositions": get(`/consultations/${f.slug}/propositions/`),
    "page-sign-in-code": get("/connexion/code/"),
    "page-sign-in": get("/connexion/"),
    proposition: get(`/api/propositions/${f.propositionId}`, { json: true }),
    propositions: get(`/api/consultations/${f.slug}/propositions`, { json: true }),
    session: get("/api/session", { cookie: f.cookie, json: true }),
    support: post(`/api/propositions/${f.propositionId}/support`, { action: "support" }, f.cookie),
  };
}

function openConsultationSlug(store: ContentStore, now = new Date()): string {
  const open = store.consultations.find(
    (c) => c.lang === "fr" && c.phases.some((p) => p.start <= now && now < p.end && p.modules.ideabox?.["submissions_open"]),
  );
  if (!open) throw new Error("The demo content has no consultation whose open phase takes propositions");
  return open.slug;
}

/** A fresh, migrated database on the cluster with the demo consultations, and the functions' content JSON. */
async function prepare(serverUrl: string, work: string) {
  const port = await createPostgresTestDataPort(serverUrl, { max: 1 });
  const [database] = await port.sql<{ name: string }>("select current_database() as name");
  const url = new URL(serverUrl);
  url.pathname = `/${database!.name}`;
  const store = await loadContent("content");
  await syncContent(port, store);
  const contentFile = writeFunctionsContent(join(work, "_functions"), functionsContent(store));
  const slug = openConsultationSlug(store);
  const [citizen, leaving] = [await signIn(port), await signIn(port)];
  const proposition = await port.call<{ id: string }>("submit_proposition", {
    p_citizen_id: citizen.citizen_id,
    p_consultation_slug: slug,
    p_title: "Un banc à l'ombre",
    p_body: "Près de l'arrêt de bus, pour attendre au frais.",
    p_theme: null,
    p_district: null,
    p_lng: null,
    p_lat: null,
  });
  const comment = await port.call<{ id: string }>("comment_proposition", {
    p_citizen_id: citizen.citizen_id,
    p_proposition_id: proposition.id,
    p_parent_id: null,
    p_body: "Et un point d'eau ?",
    p_alignment: null,
  });
  await port.close();
  const cookieOf = (sessionId: string) => sessionCookie(sessionId).split(";")[0]!;
  const fixture: Fixture = {
    slug,
    propositionId: proposition.id,
    commentId: comment.id,
    cookie: cookieOf(citizen.session_id),
    signOutCookie: cookieOf(leaving.session_id),
  };
  return { databaseUrl: url.href, contentFile, fixture };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Cold starts of every function (median of `runs` fresh processes each) and of the baseline. */
export async function measureColdStarts(serverUrl: string): Promise<{ baseline: ColdStart; functions: ColdStart[] }> {
  // Inside the project, so the bundles' bare imports resolve to its node_modules as Netlify's zip resolves them.
  await mkdir(join(projectRoot, ".tmp"), { recursive: true });
  const work = await mkdtemp(join(projectRoot, ".tmp", "cold-start-"));
  try {
    const child = join(work, "child.mjs");
    await build({
      entryPoints: [join(projectRoot, "bench/lib/cold-start-child.ts")],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      outfile: child,
      logLevel: "silent",
    });
    const bundles = await functionBundles();
    for (const { name, code } of bundles) await writeFile(join(work, `${name}.mjs`), code);

    const { databaseUrl, contentFile, fixture } = await prepare(serverUrl, work);
    const requests = firstRequests(fixture);
    const missing = bundles.map((b) => b.name).filter((name) => !requests[name]);
    if (missing.length > 0) throw new Error(`bench/lib/cold-start.ts has no first request for ${missing.join(", ")}`);
    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PARLONS_MIGRATE: "0",
      SUPABASE_URL: "",
      SMTP_URL: "",
      PARLONS_FUNCTIONS_CONTENT: contentFile,
      PARLONS_OUTBOX_DIR: join(work, "outbox"),
      // The cookies above were signed with this process's secret.
      PARLONS_SECRET: serverSecret(),
    };
    const measure = async (name: string, spec: ChildSpec): Promise<ColdStart> => {
      const results: ChildResult[] = [];
      for (let i = 0; i < runs; i++) {
        const { stdout } = await run(process.execPath, [child, JSON.stringify(spec)], { env, cwd: projectRoot, timeout: 60_000 });
        results.push(JSON.parse(stdout.trim().split("\n").pop()!) as ChildResult);
      }
      const importMs = median(results.map((r) => r.importMs));
      const firstAnswerMs = median(results.map((r) => r.firstAnswerMs));
      const totalMs = median(results.map((r) => r.importMs + r.firstAnswerMs));
      return { name, importMs, firstAnswerMs, totalMs, status: results[0]!.status };
    };
    const baseline = await measure("baseline", { url: origin, method: "GET", headers: {} });
    const functions: ColdStart[] = [];
    for (const { name } of bundles) functions.push(await measure(name, { ...requests[name]!, bundle: join(work, `${name}.mjs`) }));
    return { baseline, functions };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The printed report: on a throwaway cluster, or a line saying why it could not run. */
export async function coldStartReport(): Promise<string[]> {
  const title = `Cold starts (fresh Node process: import the bundle, answer one request; PostgreSQL, PARLONS_MIGRATE=0; median of ${runs})`;
  if (!findPostgresBin()) return [title, "  no PostgreSQL server binaries (apt-get install postgresql): not measured"];
  const cluster = await startPgCluster();
  try {
    const { baseline, functions } = await measureColdStarts(cluster.url);
    const ms = (value: number) => `${value.toFixed(1).padStart(6)} ms`;
    const slowest = functions.reduce((a, b) => (b.totalMs > a.totalMs ? b : a));
    return [
      title,
      `  ${"baseline: pg + connect + select 1".padEnd(36)} import ${ms(baseline.importMs)}   first answer ${ms(baseline.firstAnswerMs)}   total ${ms(baseline.totalMs)}`,
      ...functions.map(
        (f) =>
          `  ${f.name.padEnd(36)} import ${ms(f.importMs)}   first answer ${ms(f.firstAnswerMs)}   total ${ms(f.totalMs)}   × ${(f.totalMs / baseline.totalMs).toFixed(1)} baseline   (${f.status})`,
      ),
      `  target < ${coldStartTargetMs} ms each: ${slowest.totalMs < coldStartTargetMs ? "MET" : "NOT MET"} (slowest: ${slowest.name}, ${slowest.totalMs.toFixed(1)} ms)`,
    ];
  } finally {
    await cluster.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log((await coldStartReport()).join("\n"));
