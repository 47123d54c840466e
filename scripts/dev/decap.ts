// Decap CMS's local backend: with `local_backend` in the admin config, /admin reads and writes the files of
// content/ through this small server instead of a Git host. Development only.
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";

export interface DecapServer {
  url: string;
  close(): Promise<void>;
}

/** Port Decap's `local_backend: true` connects to unless the config names another. */
export const decapPort = 8081;

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ action: "info" }),
    });
    return response.ok;
  } catch {
    return false;
  }
}

/** Starts decap-server (MODE=fs: plain file writes under `repoDir`), unless one already answers on the port. */
export async function startDecapServer(options: { port?: number; repoDir?: string; timeoutMs?: number } = {}): Promise<DecapServer> {
  const port = options.port ?? decapPort;
  const url = `http://localhost:${port}/api/v1`;
  if (await answers(url)) return { url, close: async () => {} };
  const child: ChildProcess = spawn(resolve("node_modules/.bin/decap-server"), [], {
    env: {
      ...process.env,
      PORT: String(port),
      BIND_HOST: "127.0.0.1",
      MODE: "fs",
      GIT_REPO_DIRECTORY: resolve(options.repoDir ?? "."),
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const exited = new Promise<void>((resolvePromise) => child.once("exit", () => resolvePromise()));
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  while (!(await answers(url))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill();
      throw new Error(`decap-server did not start on port ${port}`);
    }
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 100));
  }
  return {
    url,
    close: async () => {
      if (child.exitCode === null) child.kill();
      await exited;
    },
  };
}
