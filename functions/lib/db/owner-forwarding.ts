// The data port of a process that does not own the PGlite folder: each call goes over HTTP on 127.0.0.1 to
// the owner's endpoint (owner-endpoint.ts), which runs it in its own database and answers the result or the
// AppError code.
import { request } from "node:http";
import { AppError, isErrorCode } from "../http/errors.ts";
import { callPath, ownerGoneHeader, type CallRequest } from "./owner-endpoint.ts";
import type { OwnerLock } from "./owner-lock.ts";
import type { DataPort } from "./port.ts";

/** The call did not run: the owner stopped or died. Safe to retry with the folder's next owner. */
export class OwnerGoneError extends Error {
  override name = "OwnerGoneError";
}

interface Answer {
  result?: unknown;
  error?: { code?: string; sqlstate?: string };
}

function forward<T>(owner: OwnerLock, call: CallRequest): Promise<T> {
  const body = JSON.stringify(call);
  return new Promise<T>((resolve, reject) => {
    const outgoing = request(
      {
        host: "127.0.0.1",
        port: owner.port,
        path: callPath,
        method: "POST",
        // A fresh connection per call: a kept-alive socket closed by the owner would fail a call that may
        // not have run, which could then be neither retried nor trusted.
        agent: false,
        headers: {
          authorization: `Bearer ${owner.token}`,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", (error) => reject(new AppError("internal", { cause: error, action: call.action })));
        response.on("end", () => {
          if (response.headers[ownerGoneHeader]) return reject(new OwnerGoneError(`${owner.command} (pid ${owner.pid}) is stopping`));
          let answer: Answer;
          try {
            answer = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Answer;
          } catch (error) {
            return reject(new AppError("internal", { cause: error, action: call.action }));
          }
          if (response.statusCode === 200) return resolve(answer.result as T);
          const code = answer.error?.code ?? "internal";
          // The SQLSTATE travels for the logs; the database error itself (query, parameters) stays with the owner.
          const cause = { code: answer.error?.sqlstate, message: `forwarded to ${owner.command} (pid ${owner.pid})` };
          reject(new AppError(isErrorCode(code) ? code : "internal", { cause, action: call.action }));
        });
      },
    );
    outgoing.on("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "ECONNREFUSED" ? new OwnerGoneError(`${owner.command} (pid ${owner.pid}) is gone`) : new AppError("internal", { cause: error, action: call.action })),
    );
    outgoing.end(body);
  });
}

/** Forwards every call to the folder's owner; closing it closes nothing but this handle. */
export function createForwardingDataPort(owner: OwnerLock): DataPort {
  return {
    call: <T>(action: CallRequest["action"], args: CallRequest["args"]) => forward<T>(owner, { action, args }),
    close: async () => undefined,
  };
}
