// Test helper: one HTTP/1.1 exchange on a fresh connection with headers a browser or fetch would not let us set
// (a forged Host, a Content-Length the body never reaches).
import { request, type IncomingHttpHeaders } from "node:http";

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Send the headers only and never the body (a declared Content-Length stays unfulfilled). */
  holdBody?: boolean;
  timeoutMs?: number;
}

export function rawRequest(port: number, path: string, options: RawRequest = {}): Promise<RawAnswer> {
  const timeoutMs = options.timeoutMs ?? 5_000;
  return new Promise((resolvePromise, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method: options.method ?? "GET", headers: options.headers ?? {}, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res
        .on("data", (chunk: Buffer) => chunks.push(chunk))
        .on("end", () => {
          resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() });
          req.destroy();
        })
        .on("error", reject);
    });
    req.on("error", reject);
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer to ${path} within ${timeoutMs} ms`)));
    if (options.holdBody) req.flushHeaders();
    else req.end(options.body);
  });
}
