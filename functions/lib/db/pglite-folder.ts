// A PGlite folder has one owner process at a time (issue 6, point 1). The first process to open it takes the
// lock, opens PGlite and answers the others on 127.0.0.1; any other process gets a port that forwards its calls
// there. When the owner stops or dies, a caller whose call did not run takes the folder over and retries.
import { setTimeout as sleep } from "node:timers/promises";
import { startOwnerEndpoint } from "./owner-endpoint.ts";
import { createForwardingDataPort, OwnerGoneError } from "./owner-forwarding.ts";
import { claimOwnerLock, newToken, type OwnerLock, releaseOwnerLock } from "./owner-lock.ts";
import { createPGliteDataPort, type PGliteDataPort } from "./pglite.ts";
import type { DataPort } from "./port.ts";

/** Raw SQL on a folder another process owns: only the owner may touch its files. */
export class PGliteInUseError extends Error {
  override name = "PGliteInUseError";
  constructor(dataDir: string, readonly owner: OwnerLock) {
    super(`${dataDir} is in use by ${owner.command} (pid ${owner.pid}): stop it first, or go through its data port`);
  }
}

type Role = { owner: true; port: PGliteDataPort; stop(): Promise<void> } | { owner: false; lock: OwnerLock; port: DataPort };

async function claim(dataDir: string): Promise<Role> {
  const token = newToken();
  const endpoint = await startOwnerEndpoint(token);
  const claimed = await claimOwnerLock(dataDir, { token, port: endpoint.port }).catch(async (error: unknown) => {
    await endpoint.close();
    throw error;
  });
  if (!claimed.mine) {
    await endpoint.close();
    return { owner: false, lock: claimed.lock, port: createForwardingDataPort(claimed.lock) };
  }
  const opening = createPGliteDataPort(dataDir);
  endpoint.serve(opening);
  let port: PGliteDataPort;
  try {
    port = await opening;
  } catch (error) {
    await endpoint.drain();
    await releaseOwnerLock(dataDir, token);
    await endpoint.close();
    throw error;
  }
  return {
    owner: true,
    port,
    // Calls already forwarded finish first; the lock goes before the listener, so a caller told "gone"
    // finds the folder free when it looks again.
    async stop() {
      await endpoint.drain();
      await port.close();
      await releaseOwnerLock(dataDir, token);
      await endpoint.close();
    },
  };
}

// Long enough for an owner to finish its running calls and close; calls made while a new owner opens wait
// inside its endpoint, not here.
const retries = { count: 100, delayMs: 100 };

/** The data port for a PGlite folder, owner or forwarder; `db` throws PGliteInUseError in a forwarder. */
export async function openPGliteFolder(dataDir: string): Promise<PGliteDataPort> {
  let settled = await claim(dataDir);
  let role = Promise.resolve(settled);

  function claimAgain(after: number): void {
    role = sleep(after).then(() => claim(dataDir));
    role.then((next) => (settled = next), () => undefined);
  }

  async function call<T>(action: Parameters<DataPort["call"]>[0], args: Parameters<DataPort["call"]>[1]): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const current = role;
      let port: DataPort;
      try {
        ({ port } = await current);
      } catch (error) {
        // The takeover failed (e.g. a migration error): the next call tries again.
        if (role === current) claimAgain(0);
        throw error;
      }
      try {
        return await port.call<T>(action, args);
      } catch (error) {
        if (!(error instanceof OwnerGoneError) || attempt >= retries.count) throw error;
        // Concurrent calls that all found the owner gone share one new claim.
        if (role === current) claimAgain(retries.delayMs);
      }
    }
  }

  return {
    get db() {
      if (settled.owner) return settled.port.db;
      throw new PGliteInUseError(dataDir, settled.lock);
    },
    call,
    async close() {
      const current = await role.catch(() => undefined);
      if (current?.owner) await current.stop();
    },
  };
}
