// `npm run bench:api`: supports per second and latency through the HTTP function (POST
// /api/propositions/:id/support), on PGlite and on a real PostgreSQL server, each beside a bare INSERT loop
// on the same database; then each function's bundle size. Loopback only, bounded in count and time.
import { fork, type ChildProcess } from "node:child_process";
import { cpus } from "node:os";
import autocannon from "autocannon";
import { startPgCluster, findPostgresBin } from "../scripts/pg-cluster.ts";
import { functionBundleSizes } from "./lib/bundle.ts";
import { coldStartReport } from "./lib/cold-start.ts";
import type { ApiSetup, BaselineResult, ChildMessage } from "./lib/api-protocol.ts";

const durationSeconds = Number(process.env["BENCH_SECONDS"] ?? 10);
const connections = Number(process.env["BENCH_CONNECTIONS"] ?? 20);
/**
 * Issue 7, point 4, on PostgreSQL: HTTP supports at least 0.6 × the bare INSERT loop measured in the same run (a
 * ratio, so a busy or slow machine moves both sides), with p99 under 50 ms at `connections` connections.
 */
const target = { ratio: 0.6, p99Ms: 50 };

interface DatabaseRun {
  database: string;
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  perSecond: number;
  p50: number;
  p99: number;
  supportsInDatabase: number;
  baseline: BaselineResult;
}

function nextMessage(child: ChildProcess): Promise<ChildMessage> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`benchmark server exited (${code}) before answering`));
    child.once("exit", onExit);
    child.once("message", (message) => {
      child.off("exit", onExit);
      resolve(message as ChildMessage);
    });
  });
}

/**
 * Every request is a different citizen → proposition pair, so each support really inserts a row. The run
 * lasts `durationSeconds`, or less if the pairs run out (autocannon's `amount` would override the duration).
 */
function load(setup: ApiSetup): Promise<autocannon.Result> {
  const pairs = setup.cookies.length * setup.propositionIds.length;
  let next = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: setup.url.replace("localhost", "127.0.0.1"),
        connections,
        duration: durationSeconds,
        requests: [
          {
            method: "POST",
            setupRequest: (request) => {
              if (next === pairs) instance.stop();
              const i = next++ % pairs;
              const cookie = setup.cookies[i % setup.cookies.length] as string;
              const proposition = setup.propositionIds[Math.floor(i / setup.cookies.length)] as string;
              return {
                ...request,
                path: `/api/propositions/${proposition}/support`,
                headers: {
                  cookie,
                  "content-type": "application/json",
                  accept: "application/json",
                  "sec-fetch-site": "same-origin",
                },
                body: JSON.stringify({ action: "support" }),
              };
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

async function runOn(database: string, env: NodeJS.ProcessEnv): Promise<DatabaseRun> {
  const child = fork(new URL("./lib/api-server.ts", import.meta.url).pathname, [], {
    env: { ...process.env, ...env },
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  try {
    const ready = await nextMessage(child);
    if (ready.type !== "ready") throw new Error("benchmark server did not start");
    const result = await load(ready.setup);
    child.send({ type: "finish" });
    const done = await nextMessage(child);
    if (done.type !== "result") throw new Error("benchmark server gave no result");
    return {
      database,
      requests: result.requests.total,
      ok: result["2xx"],
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
      perSecond: result["2xx"] / (result.duration || durationSeconds),
      p50: result.latency.p50,
      p99: result.latency.p99,
      supportsInDatabase: done.supportsInDatabase,
      baseline: done.baseline,
    };
  } finally {
    if (child.exitCode === null) child.kill();
  }
}

function report(run: DatabaseRun): string[] {
  const ratio = run.perSecond / run.baseline.perSecond;
  const met = ratio >= target.ratio && run.p99 < target.p99Ms;
  const verdict =
    run.database === "PostgreSQL"
      ? `  target: ratio ≥ ${target.ratio} and p99 < ${target.p99Ms} ms at ${connections} connections: ratio ${ratio.toFixed(2)}, p99 ${run.p99.toFixed(1)} ms, ${met ? "MET" : "NOT MET"}`
      : "";
  // Requests still in flight when the load stops complete on the server: rows may exceed the 2xx count, never
  // fall short of it.
  const rows = run.supportsInDatabase >= run.ok ? "every 2xx inserted its row" : "FEWER ROWS THAN 2xx ANSWERS";
  return [
    `${run.database}`,
    `  supports through HTTP   ${run.perSecond.toFixed(0).padStart(7)} /s   p50 ${run.p50.toFixed(1)} ms   p99 ${run.p99.toFixed(1)} ms   (${run.ok} × 2xx, ${run.non2xx} non-2xx, ${run.errors} errors)`,
    `  rows in supports        ${String(run.supportsInDatabase).padStart(7)}      ${rows}`,
    `  bare INSERT loop        ${run.baseline.perSecond.toFixed(0).padStart(7)} /s   p50 ${run.baseline.p50.toFixed(2)} ms   p99 ${run.baseline.p99.toFixed(2)} ms   (${run.baseline.inserts} inserts, one connection)`,
    `  HTTP supports/s ÷ bare INSERT/s (same run) ${ratio.toFixed(2)}   latency p50 × ${(run.p50 / run.baseline.p50).toFixed(1)}`,
    ...(verdict ? [verdict] : []),
  ];
}

async function main(): Promise<void> {
  const lines = [
    "",
    `bench:api — ${cpus().length} cores, Node ${process.version}, ${connections} connections, ${durationSeconds} s a run, POST /api/propositions/:id/support`,
    "",
  ];
  const runs: DatabaseRun[] = [await runOn("PGlite", { PARLONS_PGLITE_DIR: "memory://", DATABASE_URL: "", SUPABASE_URL: "" })];
  if (findPostgresBin()) {
    const cluster = await startPgCluster();
    try {
      runs.push(await runOn("PostgreSQL", { DATABASE_URL: cluster.url }));
    } finally {
      await cluster.stop();
    }
  } else lines.push("PostgreSQL: no server binaries (apt-get install postgresql): not measured", "");
  for (const run of runs) lines.push(...report(run), "");

  lines.push("Function bundles (esbuild, minified, as Netlify bundles them)");
  for (const size of await functionBundleSizes()) {
    lines.push(`  ${size.name.padEnd(28)} ${(size.bytes / 1024).toFixed(1).padStart(8)} KB   gzip ${(size.gzip / 1024).toFixed(1).padStart(7)} KB`);
  }

  // Each function's cold start on PostgreSQL, on a cluster of its own (bench/lib/cold-start.ts).
  lines.push("", ...(await coldStartReport()));
  console.log(lines.join("\n"));
}

await main();
