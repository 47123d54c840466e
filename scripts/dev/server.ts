// The local stand-in for Netlify: static files from the publish folder with netlify.toml's headers and
// redirects, and the functions mounted at their `config.path`. Used by `npm start`, the browser tests and
// bench:api, which start it in-process on a free port.
import { createReadStream } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pipeline } from "node:stream/promises";
import { promisify } from "node:util";
import { createGzip, gzip as gzipCallback } from "node:zlib";
import { randomUUID } from "node:crypto";
import { sendError } from "./errors.ts";
import { loadFunctionRoutes, matchRoute, type FunctionRoute } from "./functions.ts";
import { headersFor, loadNetlifyConfig, redirectFor, type NetlifyConfig } from "./netlify-config.ts";
import { devHosts, isAllowedHost } from "./hosts.ts";
import { contentType, isCompressible, resolveStatic } from "./static.ts";

/** Netlify buffers function payloads up to 6 MB. */
const maxBodyBytes = 6 * 1024 * 1024;
const gzip = promisify(gzipCallback);

export type DevRoute = (request: Request) => Response | Promise<Response>;

export interface ServerOptions {
  /** 0 picks a free port. */
  port?: number;
  /** Listening address: loopback only, unless extra host names are allowed (a phone on the LAN). */
  host?: string;
  /** Host names answered besides loopback ones; PARLONS_DEV_HOSTS by default. */
  allowedHosts?: string[];
  siteDir?: string;
  functionsDir?: string;
  netlifyConfigPath?: string;
  /** Development-only pages (e.g. /_dev/outbox), matched on the exact path before anything else. */
  devRoutes?: Record<string, DevRoute>;
  /** Routes already loaded (benchmarks reuse them); otherwise loaded from functionsDir. */
  functionRoutes?: FunctionRoute[];
}

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const allowedHosts = options.allowedHosts ?? devHosts();
  const host = options.host ?? (allowedHosts.length > 0 ? "0.0.0.0" : "127.0.0.1");
  const siteDir = options.siteDir ?? "_site";
  const config = await loadNetlifyConfig(options.netlifyConfigPath ?? "netlify.toml");
  const routes = options.functionRoutes ?? (await loadFunctionRoutes(options.functionsDir ?? "functions/api"));
  const devRoutes = options.devRoutes ?? {};

  const server = createServer((req, res) => {
    handle({ req, res, siteDir, config, routes, devRoutes, allowedHosts }).catch((error: unknown) => {
      // A client that hangs up mid-answer (a closed tab, a load test ending) is not a server error.
      if ((error as NodeJS.ErrnoException).code === "ERR_STREAM_PREMATURE_CLOSE") return;
      // The path only, and the error's name: a query may hold a sign-in token, an error object the SQL and its values.
      const path = (req.url ?? "/").split("?")[0];
      console.error(`[server] ${req.method} ${path} failed: ${(error as Error)?.name ?? "error"}`);
      if (res.headersSent) res.end();
      else sendError(res, "internal").catch(() => res.destroy());
    });
  });
  // Benchmarks open many keep-alive connections; the defaults would close idle ones mid-run.
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolvePromise());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host === "127.0.0.1" || host === "0.0.0.0" ? "localhost" : host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolvePromise, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolvePromise()));
      }),
  };
}

interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  siteDir: string;
  config: NetlifyConfig;
  routes: FunctionRoute[];
  devRoutes: Record<string, DevRoute>;
  allowedHosts: string[];
}

async function handle({ req, res, siteDir, config, routes, devRoutes, allowedHosts }: Exchange): Promise<void> {
  if (!isAllowedHost(req.headers.host, allowedHosts)) return sendError(res, "host_not_allowed");
  const url = requestUrl(req);
  if (!url) return sendError(res, "invalid_input");
  // Refused before a byte of the body is read; the connection closes rather than swallowing the rest.
  if (Number(req.headers["content-length"] ?? 0) > maxBodyBytes) return sendError(res, "payload_too_large", { connection: "close" });
  const method = req.method ?? "GET";
  const pathname = url.pathname;

  const devRoute = devRoutes[pathname];
  if (devRoute) return sendResponse(req, res, await devRoute(new Request(url)));

  const forced = redirectFor(config.redirects.filter((rule) => rule.force), pathname);
  if (forced && forced.status >= 300 && forced.status < 400) return sendRedirect(res, forced.location, forced.status);

  const matched = matchRoute(routes, method, pathname);
  if (matched) {
    const request = await toRequest(req, url);
    if (!request) return sendError(res, "payload_too_large", { connection: "close" });
    const response = await matched.route.handler(request, {
      params: matched.params,
      ip: req.socket.remoteAddress ?? "127.0.0.1",
      requestId: randomUUID(),
      site: { url: url.origin },
    });
    return sendResponse(req, res, response);
  }

  if (method !== "GET" && method !== "HEAD") return sendError(res, "method_not_allowed", { allow: "GET, HEAD" });

  let resolved = await resolveStatic(siteDir, pathname);
  if (resolved.kind === "redirect") return sendRedirect(res, resolved.location + url.search, 301);
  if (resolved.kind !== "file" || resolved.status === 404) {
    // Unforced rules only apply when no file matches (Netlify's "shadowing").
    const rule = redirectFor(config.redirects.filter((candidate) => !candidate.force), pathname);
    if (rule && rule.status >= 300 && rule.status < 400) return sendRedirect(res, rule.location, rule.status);
    if (rule) {
      const rewritten = await resolveStatic(siteDir, rule.location);
      if (rewritten.kind === "file") resolved = { kind: "file", file: rewritten.file, status: rule.status as 200 | 404 };
    }
  }
  if (resolved.kind !== "file") return sendError(res, "not_found");
  const type = contentType(resolved.file);
  res.statusCode = resolved.status;
  for (const [name, value] of Object.entries(headersFor(config.headers, pathname))) res.setHeader(name, value);
  res.setHeader("content-type", type);
  res.setHeader("cache-control", res.getHeader("cache-control") ?? "public, max-age=0, must-revalidate");
  await sendBody(req, res, type, method === "HEAD" ? undefined : createReadStream(resolved.file));
}

function sendRedirect(res: ServerResponse, location: string, status: number): void {
  res.writeHead(status, { location });
  res.end();
}

/**
 * The request's URL on its (already checked) Host. Undefined for a target that is not a path (`//other.example/`
 * would otherwise become the origin the functions see) or whose path holds a malformed `%` escape.
 */
function requestUrl(req: IncomingMessage): URL | undefined {
  const target = req.url ?? "/";
  if (!target.startsWith("/")) return undefined;
  try {
    const url = new URL(`http://${req.headers.host ?? ""}${target}`);
    decodeURIComponent(url.pathname);
    return url;
  } catch {
    return undefined;
  }
}

/** A WHATWG Request from the Node request, body buffered as Netlify does for functions; undefined over 6 MB. */
async function toRequest(req: IncomingMessage, url: URL): Promise<Request | undefined> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(":")) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  headers.set("x-nf-client-connection-ip", req.socket.remoteAddress ?? "127.0.0.1");
  const method = req.method ?? "GET";
  if (method === "GET" || method === "HEAD") return new Request(url, { method, headers });
  const chunks: Buffer[] = [];
  let size = 0;
  // Leaving the loop early must not destroy the socket: the 413 still has to be written to it.
  for await (const chunk of req.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) return undefined;
    chunks.push(chunk);
  }
  return new Request(url, { method, headers, body: Buffer.concat(chunks) });
}

async function sendResponse(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) {
    if (name !== "set-cookie") res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  if (!response.body || req.method === "HEAD") {
    res.end();
    return;
  }
  // Netlify buffers a function's answer before sending it; so does this stand-in, which also spares a web-to-Node
  // stream and its pipeline on every request (a fifth of the server's time per support in bench:api).
  await sendBody(req, res, response.headers.get("content-type") ?? "", Buffer.from(await response.arrayBuffer()));
}

async function sendBody(
  req: IncomingMessage,
  res: ServerResponse,
  type: string,
  body: NodeJS.ReadableStream | Buffer | undefined,
): Promise<void> {
  const compress =
    body !== undefined &&
    isCompressible(type) &&
    !res.hasHeader("content-encoding") &&
    /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  if (isCompressible(type)) {
    const vary = res.getHeader("vary");
    res.setHeader("vary", vary ? `${String(vary)}, Accept-Encoding` : "Accept-Encoding");
  }
  if (!body) {
    res.end();
    return;
  }
  if (compress) {
    res.removeHeader("content-length");
    res.setHeader("content-encoding", "gzip");
  }
  if (Buffer.isBuffer(body)) {
    res.end(compress ? await gzip(body) : body);
    return;
  }
  await (compress ? pipeline(body, createGzip(), res) : pipeline(body, res));
}
