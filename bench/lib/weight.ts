// Transfer weight of a page as a browser would fetch it: the HTML plus the stylesheets and scripts it
// references (including module imports between scripts), each gzip-compressed.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export interface PageWeight {
  html: number;
  css: number;
  js: number;
  total: number;
  scripts: string[];
}

const gzipSize = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;

/** Site path of an href relative to the page URL; undefined for other origins and data: URLs. */
function sitePath(href: string, pageUrl: string): string | undefined {
  const url = new URL(href, `http://site${pageUrl}`);
  return url.host === "site" ? url.pathname : undefined;
}

function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of tag.matchAll(/([a-zA-Z-]+)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/g)) {
    found[(match[1] ?? "").toLowerCase()] = match[3] ?? match[4] ?? match[5] ?? "";
  }
  return found;
}

export async function pageWeight(siteDir: string, pageUrl: string): Promise<PageWeight> {
  const file = join(siteDir, pageUrl.endsWith("/") ? `${pageUrl}index.html` : pageUrl);
  const html = await readFile(file, "utf8");
  const styles = new Set<string>();
  const scripts = new Set<string>();
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const attrs = attributes(tag);
    const path = attrs["href"] ? sitePath(attrs["href"], pageUrl) : undefined;
    if (!path) continue;
    if (/\bstylesheet\b/i.test(attrs["rel"] ?? "")) styles.add(path);
    if (/\bmodulepreload\b/i.test(attrs["rel"] ?? "")) scripts.add(path);
  }
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const attrs = attributes(tag);
    const path = attrs["src"] ? sitePath(attrs["src"], pageUrl) : undefined;
    if (path) scripts.add(path);
  }
  // Static imports between module scripts are fetched too.
  const queue = [...scripts];
  while (queue.length > 0) {
    const script = queue.shift() as string;
    const source = await readFile(join(siteDir, script), "utf8").catch(() => "");
    for (const match of source.matchAll(/\bimport\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) {
      const path = match[1] ? sitePath(match[1], script) : undefined;
      if (path && !scripts.has(path)) {
        scripts.add(path);
        queue.push(path);
      }
    }
  }
  const sum = async (paths: Set<string>) => {
    let total = 0;
    for (const path of paths) total += gzipSize(await readFile(join(siteDir, path)));
    return total;
  };
  const weight = { html: gzipSize(html), css: await sum(styles), js: await sum(scripts), scripts: [...scripts] };
  return { ...weight, total: weight.html + weight.css + weight.js };
}

