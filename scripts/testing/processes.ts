// Runs the project's commands as child processes, as a newcomer would in a terminal, for the tests of
// `npm start` and of commands that run beside it.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { freePort } from "../dev/free-port.ts";

/** The environment of a local run: no Netlify context, no remote database unless the test names one. */
function localEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const { CONTEXT: _context, ...inherited } = process.env;
  return { ...inherited, DATABASE_URL: "", SUPABASE_URL: "", ...env };
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface ScriptRun {
  status: number | null;
  output: string;
}

/** `tsx <script>` to its end. */
export function runScript(script: string, env: Record<string, string> = {}): Promise<ScriptRun> {
  const child = spawn("node_modules/.bin/tsx", [script], { env: localEnv(env), stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.once("exit", (status) => resolve({ status, output })));
}

export interface DevRun {
  url: string;
  decapPort: number;
  output(): string;
  /** Signals the server process (as Ctrl-C would), or with SIGKILL its whole process group (kill -9 -PGID). */
  kill(signal: "SIGTERM" | "SIGKILL"): Promise<number | null>;
}

/** `npm start` (tsx scripts/dev.ts) in its own process group, resolved once it says it is running. */
export async function startDev(env: Record<string, string> = {}): Promise<DevRun> {
  const [port, decapPort] = [await freePort(), await freePort()];
  const outbox = await mkdtemp(join(tmpdir(), "parlons-dev-outbox-"));
  const child = spawn("node_modules/.bin/tsx", ["scripts/dev.ts"], {
    env: localEnv({ ...env, PORT: String(port), DECAP_SERVER_PORT: String(decapPort), PARLONS_OUTBOX_DIR: outbox }),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const run: DevRun = {
    url: `http://localhost:${port}`,
    decapPort,
    output: () => output,
    async kill(signal) {
      if (signal === "SIGKILL") process.kill(-child.pid!, signal);
      else child.kill(signal);
      const status = await exited;
      // tsx runs the script in a child process: wait until the whole group is gone, not only its parent.
      if (signal === "SIGKILL") await expect.poll(() => groupAlive(child.pid!), { timeout: 5_000 }).toBe(false).catch(() => undefined);
      await rm(outbox, { recursive: true, force: true });
      return status;
    },
  };
  try {
    await expect.poll(() => output, { timeout: 120_000, interval: 500 }).toContain("Parlons is running");
  } catch (error) {
    await run.kill("SIGKILL");
    throw error;
  }
  return run;
}
