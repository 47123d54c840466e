// Builds real Requests and hands them to function entries the way Netlify does: path parameters from the
// entry's own `config.path` patterns.
import type { Config } from "@netlify/functions";
import { origin } from "./harness.ts";

export interface Entry {
  default: (req: Request, context: { params: Record<string, string> }) => Promise<Response>;
  config: Config;
}

function match(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split("/");
  const got = pathname.split("/");
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    if (part.startsWith(":")) params[part.slice(1)] = decodeURIComponent(got[i]!);
    else if (part !== got[i]) return null;
  }
  return params;
}

export async function invoke(entry: Entry, req: Request): Promise<Response> {
  const { pathname } = new URL(req.url);
  const paths = ([] as string[]).concat(entry.config.path ?? []);
  for (const pattern of paths) {
    const params = match(pattern, pathname);
    if (params) return entry.default(req, { params });
  }
  throw new Error(`${pathname} matches none of ${paths.join(", ")}`);
}

export interface RequestOptions {
  method?: string;
  json?: unknown;
  form?: Record<string, string>;
  /** Raw body with its own content type. */
  body?: string;
  contentType?: string;
  cookie?: string;
  headers?: Record<string, string>;
  /** Same-origin proof (Sec-Fetch-Site); on by default for state-changing requests. */
  sameOrigin?: boolean;
  accept?: string;
}

export function request(path: string, o: RequestOptions = {}): Request {
  const method = o.method ?? (o.json !== undefined || o.form || o.body !== undefined ? "POST" : "GET");
  const headers = new Headers(o.headers);
  let body: string | undefined;
  if (o.json !== undefined) {
    body = typeof o.json === "string" ? o.json : JSON.stringify(o.json);
    headers.set("content-type", "application/json");
    headers.set("accept", o.accept ?? "application/json");
  } else if (o.form) {
    body = new URLSearchParams(o.form).toString();
    headers.set("content-type", "application/x-www-form-urlencoded");
    headers.set("accept", o.accept ?? "text/html,application/xhtml+xml");
  } else if (o.body !== undefined) {
    body = o.body;
    if (o.contentType) headers.set("content-type", o.contentType);
  }
  if (o.accept && !headers.has("accept")) headers.set("accept", o.accept);
  if (o.cookie) headers.set("cookie", o.cookie);
  if ((o.sameOrigin ?? method !== "GET") && !headers.has("sec-fetch-site")) headers.set("sec-fetch-site", "same-origin");
  return new Request(new URL(path, origin), { method, headers, body });
}

/** `name=value` of the Set-Cookie named `name`, ready for a Cookie header; null if absent. */
export function cookieFrom(response: Response, name: string): string | null {
  const found = response.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  return found ? found.split(";")[0]! : null;
}
