// Finds the file Netlify would serve for a URL path in the publish folder: clean URLs and the 404 page.
import { stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";

export const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".atom": "application/atom+xml; charset=utf-8",
  ".ics": "text/calendar; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".yml": "text/yaml; charset=utf-8",
  ".yaml": "text/yaml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".webmanifest": "application/manifest+json",
  ".pdf": "application/pdf",
};

export function contentType(file: string): string {
  return contentTypes[extname(file).toLowerCase()] ?? "application/octet-stream";
}

/** Compressing these is worth it; images and fonts are already compressed. */
export function isCompressible(type: string): boolean {
  return /^(text\/|application\/(json|xml|atom\+xml|javascript|manifest\+json)|image\/svg)/.test(type);
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

export type StaticResolution =
  | { kind: "file"; file: string; status: 200 | 404 }
  | { kind: "redirect"; location: string }
  | { kind: "missing" };

/**
 * /a/ → /a/index.html; /a → /a.html, or a redirect to /a/ when /a/index.html exists (Netlify's "pretty URLs");
 * otherwise /404.html with status 404 (other 404 pages are netlify.toml redirects with status 404).
 */
export async function resolveStatic(siteDir: string, pathname: string): Promise<StaticResolution> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { kind: "missing" };
  }
  const relative = normalize(decoded).replace(/^([/\\])+/, "");
  if (relative.split(sep).includes("..") || relative.includes("\0")) return { kind: "missing" };
  const base = join(siteDir, relative);
  if (decoded.endsWith("/")) {
    if (await isFile(join(base, "index.html"))) return { kind: "file", file: join(base, "index.html"), status: 200 };
  } else {
    if (await isFile(base)) return { kind: "file", file: base, status: 200 };
    if (await isFile(`${base}.html`)) return { kind: "file", file: `${base}.html`, status: 200 };
    if (await isFile(join(base, "index.html"))) return { kind: "redirect", location: `${pathname}/` };
  }
  const notFound = join(siteDir, "404.html");
  return (await isFile(notFound)) ? { kind: "file", file: notFound, status: 404 } : { kind: "missing" };
}
