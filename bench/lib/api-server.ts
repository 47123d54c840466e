// bench:api, server side (a child process, so the load generator does not share its CPU time): a fresh
// database, citizens with sessions and propositions made beforehand, the local server on a free port; then,
// on request, the check that every 2xx support really inserted a row, and the bare INSERT baseline.
import pg from "pg";
import { randomUUID } from "node:crypto";
import { getDataPort } from "../../functions/lib/db/index.ts";
import type { PGliteDataPort } from "../../functions/lib/db/pglite.ts";
import { sessionCookie } from "../../functions/lib/auth/cookie.ts";
import { ipHash, sha256 } from "../../functions/lib/auth/crypto.ts";
import { loadContent } from "../../site/_lib/content/load.ts";
import { startServer } from "../../scripts/dev/server.ts";
import { syncContent } from "../../scripts/sync-content.ts";
import { latencySummary, type ApiSetup, type BaselineResult, type ParentMessage } from "./api-protocol.ts";

const citizens = Number(process.env["BENCH_CITIZENS"] ?? 1000);
const propositions = Number(process.env["BENCH_PROPOSITIONS"] ?? 100);
const baselineInserts = 5000;
const baselineSeconds = 20;

/** Runs SQL as superuser on the benchmarked database: PGlite's own handle, or a client on DATABASE_URL. */
interface RawSql {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  close(): Promise<void>;
}

async function rawSql(): Promise<RawSql> {
  const url = process.env["DATABASE_URL"];
  if (url) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return { query: (text, values) => client.query(text, values as unknown[]), close: () => client.end() };
  }
  const { db } = (await getDataPort()) as PGliteDataPort;
  return { query: (text, values) => db.query(text, values) as never, close: async () => {} };
}

async function setup(): Promise<ApiSetup & { close(): Promise<void> }> {
  const store = await loadContent("content");
  const port = await getDataPort();
  await syncContent(port, store);
  const now = new Date();
  const open = store.consultations.find(
    (c) => c.lang === "fr" && c.phases.some((p) => p.start <= now && now < p.end && p.modules.ideabox?.["supports_open"]),
  );
  if (!open) throw new Error("The demo content has no consultation whose open phase takes supports");

  const cookies: string[] = [];
  const sessionIds: string[] = [];
  for (let i = 0; i < citizens; i++) {
    const token = randomUUID();
    await port.call("request_sign_in", {
      p_email: `citoyen.${i}@bench.example`,
      p_ip_hash: ipHash(`10.0.${i >> 8}.${i & 255}`),
      p_token_hash: sha256(token),
      p_code_hash: sha256(`code-${token}`),
    });
    const session = await port.call<{ citizen_id: string; session_id: string }>("consume_sign_in_link", {
      p_token_hash: sha256(token),
      p_user_agent: "bench",
    });
    sessionIds.push(session.session_id);
    cookies.push(sessionCookie(session.session_id).split(";")[0] as string);
  }
  const propositionIds: string[] = [];
  for (let i = 0; i < propositions; i++) {
    const created = await port.call<{ id: string }>("submit_proposition", {
      p_session_id: sessionIds[i % sessionIds.length],
      p_consultation_slug: open.slug,
      p_title: `Proposition de banc numéro ${i}`,
      p_body: "Un banc à l'ombre près de l'arrêt de bus, pour attendre au frais.",
      p_theme: null,
      p_district: null,
      p_lng: null,
      p_lat: null,
    });
    propositionIds.push(created.id);
  }
  const server = await startServer({ port: 0 });
  return {
    url: server.url,
    cookies,
    propositionIds,
    close: async () => {
      await server.close();
      await port.close();
    },
  };
}

async function baseline(sql: RawSql): Promise<BaselineResult> {
  await sql.query("create table if not exists bench_baseline (citizen uuid not null, proposition uuid not null, created_at timestamptz not null default now(), primary key (citizen, proposition))");
  const latencies: number[] = [];
  const deadline = performance.now() + baselineSeconds * 1000;
  const start = performance.now();
  for (let i = 0; i < baselineInserts && performance.now() < deadline; i++) {
    const before = performance.now();
    await sql.query("insert into bench_baseline (citizen, proposition) values ($1, $2)", [randomUUID(), randomUUID()]);
    latencies.push(performance.now() - before);
  }
  const seconds = (performance.now() - start) / 1000;
  return { inserts: latencies.length, perSecond: latencies.length / seconds, ...latencySummary(latencies) };
}

const send = (message: unknown) => process.send?.(message);

const running = await setup();
send({ type: "ready", setup: { url: running.url, cookies: running.cookies, propositionIds: running.propositionIds } });
process.on("message", async (message: ParentMessage) => {
  if (message.type !== "finish") return;
  const sql = await rawSql();
  const counted = await sql.query("select count(*)::int as n from public.supports");
  const result = await baseline(sql);
  await sql.close();
  await running.close();
  send({ type: "result", supportsInDatabase: Number(counted.rows[0]?.["n"] ?? 0), baseline: result });
  process.exit(0);
});
