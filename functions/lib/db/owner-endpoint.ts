// The owner's side of forwarding: a listener on 127.0.0.1 that runs `{ action, args }` through the owner's own
// data port for the processes that must not open its PGlite folder themselves (owner-lock.ts). Its answer
// is the action's JSON result, or the AppError code, so the caller rejects with the same AppError.
import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { toAppError } from "./errors.ts";
import type { ActionArgs, ActionName, DataPort } from "./port.ts";

export const callPath = "/call";
/** Marks a 503 that ran nothing (the owner is stopping): the caller may look for the next owner and retry. */
export const ownerGoneHeader = "x-parlons-owner-gone";
// sync_consultation of a large consultation is a few kilobytes; this only bounds a misbehaving local caller.
const maxBody = 8 * 1024 * 1024;

export interface CallRequest {
  action: ActionName;
  args: ActionArgs;
}

export interface OwnerEndpoint {
  readonly port: number;
  /** Answers calls through `target`; calls that arrive while it opens wait for it. */
  serve(target: Promise<DataPort>): void;
  /** Answers new calls "gone" and resolves once the running ones have answered. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
}

function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBody) {
        request.destroy();
        resolve(undefined);
      } else chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

/** Listens on a free port of 127.0.0.1; only requests carrying `token` (from the lock file) are served. */
export async function startOwnerEndpoint(token: string): Promise<OwnerEndpoint> {
  const expected = Buffer.from(`Bearer ${token}`);
  let target: Promise<DataPort> | undefined;
  let running = 0;
  let idle: (() => void) | undefined;

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const given = Buffer.from(request.headers.authorization ?? "");
    if (request.method !== "POST" || request.url !== callPath || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      request.resume();
      return send(response, 403, { error: { code: "forbidden" } });
    }
    const current = target;
    if (!current) {
      request.resume();
      return send(response, 503, { error: { code: "internal" } }, { [ownerGoneHeader]: "1" });
    }
    const text = await readBody(request);
    if (text === undefined) return send(response, 413, { error: { code: "payload_too_large" } });
    let call: CallRequest;
    try {
      call = JSON.parse(text) as CallRequest;
    } catch {
      return send(response, 400, { error: { code: "malformed_body" } });
    }
    try {
      const port = await current;
      send(response, 200, { result: await port.call(call.action, call.args ?? {}) });
    } catch (error) {
      const appError = toAppError(error);
      const sqlstate = (appError.cause as { code?: unknown } | undefined)?.code;
      send(response, appError.status, { error: { code: appError.code, sqlstate: typeof sqlstate === "string" ? sqlstate : undefined } });
    }
  }

  const server = createServer((request, response) => {
    running += 1;
    answer(request, response)
      .catch(() => response.destroy())
      .finally(() => {
        running -= 1;
        if (running === 0) idle?.();
      });
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", resolve));
  // A script that ends without closing its data port still exits (its lock, left behind, is taken over as
  // dead); calls being answered hold their own sockets open until they are done.
  server.unref();

  return {
    port: (server.address() as AddressInfo).port,
    serve(next) {
      target = next;
    },
    drain() {
      target = undefined;
      return running === 0 ? Promise.resolve() : new Promise<void>((resolve) => (idle = resolve));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
