// Mounts every Netlify function entry (functions/api/*.ts) at its `config.path`, as Netlify does in production.
import { readdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

/** What a Netlify Functions 2.0 handler receives beside the Request; the subset our functions use. */
export interface FunctionContext {
  params: Record<string, string>;
  ip: string;
  requestId: string;
  site: { url: string };
}

export type FunctionHandler = (request: Request, context: FunctionContext) => Response | Promise<Response>;

interface FunctionConfig {
  path?: string | string[];
  excludedPath?: string | string[];
  method?: string | string[];
}

export interface FunctionRoute {
  name: string;
  pattern: string;
  regexp: RegExp;
  excluded: RegExp[];
  methods?: string[];
  handler: FunctionHandler;
}

const toArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Netlify's `config.path` syntax (URLPattern pathnames): `:name` is one segment, `*` the rest. */
export function routeRegExp(pattern: string): RegExp {
  const source = pattern
    .split("/")
    .map((part) =>
      part.startsWith(":")
        ? `(?<${part.slice(1).replace(/\W/g, "")}>[^/]+)`
        : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*"),
    )
    .join("/");
  return new RegExp(`^${source}$`);
}

export async function loadFunctionRoutes(dir = "functions/api"): Promise<FunctionRoute[]> {
  const files = (await readdir(dir).catch(() => [] as string[]))
    .filter((file) => /\.(ts|mts|js|mjs)$/.test(file) && !/\.test\.[mc]?[jt]s$/.test(file))
    .sort();
  const routes: FunctionRoute[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(resolve(join(dir, file))).href)) as {
      default?: FunctionHandler;
      config?: FunctionConfig;
    };
    if (typeof mod.default !== "function") throw new Error(`${join(dir, file)}: no default export handler`);
    const paths = toArray(mod.config?.path);
    if (paths.length === 0) throw new Error(`${join(dir, file)}: config.path is missing`);
    const methods = toArray(mod.config?.method).map((method) => method.toUpperCase());
    for (const pattern of paths) {
      routes.push({
        name: file.replace(/\.[^.]+$/, ""),
        pattern,
        regexp: routeRegExp(pattern),
        excluded: toArray(mod.config?.excludedPath).map(routeRegExp),
        ...(methods.length > 0 ? { methods } : {}),
        handler: mod.default,
      });
    }
  }
  return routes;
}

/** The first route matching the path (and method, when the function restricts it), with its parameters. */
export function matchRoute(
  routes: FunctionRoute[],
  method: string,
  pathname: string,
): { route: FunctionRoute; params: Record<string, string> } | undefined {
  for (const route of routes) {
    const match = route.regexp.exec(pathname);
    if (!match || route.excluded.some((excluded) => excluded.test(pathname))) continue;
    if (route.methods && !route.methods.includes(method)) continue;
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(match.groups ?? {})) params[key] = decodeURIComponent(value);
    return { route, params };
  }
  return undefined;
}
