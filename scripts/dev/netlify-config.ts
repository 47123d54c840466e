// Reads netlify.toml so the local server replays the production headers and redirects instead of copying them.
import { readFile } from "node:fs/promises";
import { parse } from "smol-toml";

export interface HeaderRule {
  for: string;
  values: Record<string, string>;
}

export interface RedirectRule {
  from: string;
  to: string;
  status: number;
  force: boolean;
}

export interface NetlifyConfig {
  headers: HeaderRule[];
  redirects: RedirectRule[];
  /** `[functions] external_node_modules`: packages shipped beside the function bundles, not inside them. */
  externalNodeModules: string[];
}

export async function loadNetlifyConfig(path = "netlify.toml"): Promise<NetlifyConfig> {
  const raw = parse(await readFile(path, "utf8")) as {
    headers?: { for: string; values?: Record<string, string> }[];
    redirects?: { from: string; to: string; status?: number; force?: boolean }[];
    functions?: { external_node_modules?: string[] };
  };
  return {
    headers: (raw.headers ?? []).map((rule) => ({ for: rule.for, values: rule.values ?? {} })),
    redirects: (raw.redirects ?? []).map((rule) => ({
      from: rule.from,
      to: rule.to,
      status: rule.status ?? 301,
      force: rule.force ?? false,
    })),
    externalNodeModules: raw.functions?.external_node_modules ?? [],
  };
}

/**
 * Netlify path pattern → RegExp: `*` matches anything (the splat), `:name` one segment; a trailing slash is
 * optional, as on Netlify where /a and /a/ are the same page.
 */
export function patternToRegExp(pattern: string): RegExp {
  const body = pattern
    .replace(/\/+$/, "")
    .split("/")
    .map((part) =>
      part === "*"
        ? "(?<splat>.*)"
        : part.startsWith(":")
          ? `(?<${part.slice(1)}>[^/]+)`
          : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*"),
    )
    .join("/");
  return body.endsWith("(?<splat>.*)")
    ? new RegExp(`^${body.slice(0, -"/(?<splat>.*)".length)}(?:/(?<splat>.*))?$`)
    : new RegExp(`^${body}/?$`);
}

/** Headers of every matching rule, in file order; a later rule replaces a header an earlier one set. */
export function headersFor(rules: HeaderRule[], pathname: string): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const rule of rules) {
    if (!patternToRegExp(rule.for).test(pathname)) continue;
    for (const [name, value] of Object.entries(rule.values)) {
      for (const existing of Object.keys(merged)) {
        if (existing.toLowerCase() === name.toLowerCase()) delete merged[existing];
      }
      merged[name] = value;
    }
  }
  return merged;
}

/** The first redirect whose `from` matches, with `:name` and `:splat` substituted into `to`. */
export function redirectFor(
  rules: RedirectRule[],
  pathname: string,
): { location: string; status: number; force: boolean } | undefined {
  for (const rule of rules) {
    const match = patternToRegExp(rule.from).exec(pathname);
    if (!match) continue;
    const groups = match.groups ?? {};
    const location = rule.to.replace(/:([a-z]+)/gi, (whole, name: string) => groups[name] ?? whole);
    return { location, status: rule.status, force: rule.force };
  }
  return undefined;
}
