// The lock file that makes one process the owner of a PGlite folder. Two PGlite instances on one folder each
// believe they own its files, and writes acknowledged by one are silently undone by the other (issue 6,
// point 1). The owner records who it is and where it answers; every other process forwards to it.
import { randomBytes } from "node:crypto";
import { link, mkdir, readFile, rmdir, stat, unlink, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import { dirname, relative, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export interface OwnerLock {
  pid: number;
  started_at: string;
  /** Proves a forwarded call comes from a process that could read this file. */
  token: string;
  /** Port of the owner's call endpoint on 127.0.0.1 (owner-endpoint.ts). */
  port: number;
  /** What the owner runs, for the messages of processes turned away: "npm start", "npm run build". */
  command: string;
}

/** Beside the folder, not inside: PGlite treats the folder as its own PGDATA. */
export function ownerLockPath(dataDir: string): string {
  return `${resolve(dataDir)}.owner.json`;
}

export function newToken(): string {
  return randomBytes(32).toString("hex");
}

/** "npm start" when npm runs this script, else the script's path (tsx scripts/sync-content.ts → its path). */
export function commandName(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv): string {
  const script = argv[1] ? relative(process.cwd(), argv[1]) : "node";
  const event = env["npm_lifecycle_event"];
  if (!event || !env["npm_lifecycle_script"]?.includes(script)) return script;
  return event === "start" || event === "test" ? `npm ${event}` : `npm run ${event}`;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Refused means nobody listens: the PID was reused by another program, or the owner is a zombie. */
function endpointRefuses(port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.setTimeout(2_000, () => (socket.destroy(), resolvePromise(false)));
    socket.once("connect", () => (socket.destroy(), resolvePromise(false)));
    socket.once("error", (error: NodeJS.ErrnoException) => resolvePromise(error.code === "ECONNREFUSED"));
  });
}

function parseLock(text: string): OwnerLock | undefined {
  try {
    const lock = JSON.parse(text) as OwnerLock;
    return Number.isInteger(lock.pid) && Number.isInteger(lock.port) && typeof lock.token === "string" ? lock : undefined;
  } catch {
    return undefined;
  }
}

async function ownerAlive(text: string): Promise<OwnerLock | undefined> {
  const lock = parseLock(text);
  if (!lock || !pidAlive(lock.pid)) return undefined;
  return (await endpointRefuses(lock.port)) ? undefined : lock;
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** Creates the lock with its whole content at once (a hard link is atomic and fails if the name exists). */
async function createExclusive(path: string, lock: OwnerLock): Promise<boolean> {
  const draft = `${path}.${lock.token.slice(0, 16)}.tmp`;
  // The token lets its reader call any action as service_role: readable by this user only.
  await writeFile(draft, JSON.stringify(lock, null, 2), { mode: 0o600 });
  try {
    await link(draft, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    await unlink(draft);
  }
}

/**
 * Removes a dead owner's lock. One process at a time (a directory as a mutex), and only if the file still
 * holds what was judged dead: another process may have taken over and written a live lock meanwhile.
 */
async function removeStale(path: string, staleText: string): Promise<void> {
  const guard = `${path}.takeover`;
  try {
    await mkdir(guard);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    // A process killed inside these few lines leaves the guard behind.
    const age = Date.now() - (await stat(guard).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
    if (age > 10_000) await rmdir(guard).catch(() => undefined);
    return;
  }
  try {
    if ((await readText(path)) === staleText) await unlink(path).catch(() => undefined);
  } finally {
    await rmdir(guard);
  }
}

export type LockClaim = { mine: true; lock: OwnerLock } | { mine: false; lock: OwnerLock };

/** Takes the folder's lock for this process, or names the live owner. A lock whose owner is dead is taken over. */
export async function claimOwnerLock(dataDir: string, own: { token: string; port: number }): Promise<LockClaim> {
  const path = ownerLockPath(dataDir);
  await mkdir(dirname(path), { recursive: true });
  const lock: OwnerLock = { pid: process.pid, started_at: new Date().toISOString(), command: commandName(), ...own };
  for (let attempt = 0; attempt < 250; attempt++) {
    if (await createExclusive(path, lock)) return { mine: true, lock };
    const text = await readText(path);
    if (text === undefined) continue;
    const owner = await ownerAlive(text);
    if (owner) return { mine: false, lock: owner };
    await removeStale(path, text);
    await sleep(20);
  }
  throw new Error(`Could not take the lock ${path}`);
}

/** Deletes the lock if it is still this owner's. */
export async function releaseOwnerLock(dataDir: string, token: string): Promise<void> {
  const path = ownerLockPath(dataDir);
  const text = await readText(path);
  if (text !== undefined && parseLock(text)?.token === token) await unlink(path).catch(() => undefined);
}
