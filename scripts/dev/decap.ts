// Decap CMS's local backend: with `local_backend` in the admin config, /admin reads and writes the files of
// content/ through this small server instead of a Git host. Development only.
//
// decap-server can write any file of the repository (package.json included) and checks no Host, so a page
// that makes its own name resolve to 127.0.0.1 could use it. It therefore listens on an internal port, and the
// port /admin talks to (8081, the only one its CSP allows) is a small proxy that first checks Host and Origin
// as the local server does (hosts.ts).
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { resolve } from "node:path";
import { sendError } from "./errors.ts";
import { freePort } from "./free-port.ts";
import { devHosts, isAllowedHost, isAllowedOrigin } from "./hosts.ts";

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

/** Forwards to decap-server on `target` what comes with an allowed Host and, if any, an allowed Origin. */
function guard(target: number, allowedHosts: string[]) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (!isAllowedHost(req.headers.host, allowedHosts)) return void sendError(res, "host_not_allowed");
    if (!isAllowedOrigin(req.headers.origin, allowedHosts)) return void sendError(res, "csrf_failed");
    const upstream = request({ host: "127.0.0.1", port: target, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.once("error", () => (res.headersSent ? res.destroy() : void sendError(res, "internal")));
    req.pipe(upstream);
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolvePromise());
  });
}

/**
 * Starts decap-server (MODE=fs: plain file writes under `repoDir`) behind its guard on `port`, unless something
 * already answers there (another `npm start`), or, when `exclusive`, refuses to share it.
 */
export async function startDecapServer(
  options: { port?: number; repoDir?: string; timeoutMs?: number; allowedHosts?: string[]; exclusive?: boolean } = {},
): Promise<DecapServer> {
  const port = options.port ?? decapPort;
  const url = `http://localhost:${port}/api/v1`;
  if (await answers(url)) {
    // Tests write through it into their own folder: another run's server would write elsewhere.
    if (options.exclusive) throw new Error(`port ${port} is taken by another Decap server (a running npm start or test)`);
    return { url, close: async () => {} };
  }
  const internalPort = await freePort();
  const child: ChildProcess = spawn(resolve("node_modules/.bin/decap-server"), [], {
    env: {
      ...process.env,
      PORT: String(internalPort),
      BIND_HOST: "127.0.0.1",
      MODE: "fs",
      GIT_REPO_DIRECTORY: resolve(options.repoDir ?? "."),
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const exited = new Promise<void>((resolvePromise) => child.once("exit", () => resolvePromise()));
  const stopChild = async () => {
    if (child.exitCode === null) child.kill();
    await exited;
  };
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  while (!(await answers(`http://127.0.0.1:${internalPort}/api/v1`))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stopChild();
      throw new Error(`decap-server did not start on port ${internalPort}`);
    }
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 100));
  }
  const proxy = createServer(guard(internalPort, options.allowedHosts ?? devHosts()));
  await listen(proxy, port).catch(async (error: unknown) => {
    await stopChild();
    throw error;
  });
  return {
    url,
    close: async () => {
      proxy.closeAllConnections();
      await new Promise((resolvePromise) => proxy.close(resolvePromise));
      await stopChild();
    },
  };
}
