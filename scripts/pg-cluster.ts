// A throwaway PostgreSQL cluster for tests and benchmarks, from the server binaries of the machine
// (Debian: /usr/lib/postgresql/<version>/bin; .ci/run installs them). Run directly, it starts one, prints
// its URL and stops it on Ctrl-C:  tsx scripts/pg-cluster.ts
import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { chown, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const postgresRoot = "/usr/lib/postgresql";

export interface PgCluster {
  /** Superuser URL of the `postgres` database, trust auth, on 127.0.0.1. */
  url: string;
  stop(): Promise<void>;
}

/** The bin folder of the newest installed PostgreSQL server, or undefined when none is installed. */
export function findPostgresBin(): string | undefined {
  if (!existsSync(postgresRoot)) return undefined;
  const versions = readdirSync(postgresRoot)
    .filter((version) => existsSync(join(postgresRoot, version, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] && join(postgresRoot, versions[0], "bin");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

const quote = (arg: string) => `'${arg.replaceAll("'", `'\\''`)}'`;

/** initdb refuses to run as root, so as root the cluster runs as the `postgres` system user. */
async function asClusterOwner(command: string, args: string[]): Promise<void> {
  if (process.getuid?.() === 0) {
    await run("su", ["postgres", "-s", "/bin/sh", "-c", [command, ...args].map(quote).join(" ")]);
  } else {
    await run(command, args);
  }
}

/** Starts a cluster in a temporary folder on a free port; `settings` are extra server settings (-c). */
export async function startPgCluster(settings: Record<string, string> = {}): Promise<PgCluster> {
  const bin = findPostgresBin();
  if (!bin) throw new Error(`No PostgreSQL server binaries under ${postgresRoot}`);
  const dir = await mkdtemp(join(tmpdir(), "parlons-pg-"));
  if (process.getuid?.() === 0) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: gid } = await run("id", ["-g", "postgres"]);
    await chown(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const data = join(dir, "data");
  const port = await freePort();
  const options = [`-p ${port}`, `-k ${dir}`, "-c listen_addresses=127.0.0.1"]
    .concat(Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`))
    .join(" ");
  await asClusterOwner(join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]);
  await asClusterOwner(join(bin, "pg_ctl"), ["-D", data, "-o", options, "-l", join(dir, "log"), "-w", "start"]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await asClusterOwner(join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const cluster = await startPgCluster();
  console.log(cluster.url);
  // The server is a separate daemon: this process stays only to stop it when interrupted.
  const keepAlive = setInterval(() => {}, 2 ** 30);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      clearInterval(keepAlive);
      void cluster.stop();
    });
  }
}
