// The organizer content, as the functions see it: consultation titles, themes, districts and phases for the
// live pages, the commune's name for mails. Loaded through the build's own loader and kept a few seconds, so
// content edits show up in development while a production function loads it once per warm instance.
import { loadContent } from "../../site/_lib/content/load.ts";
import type { ContentStore } from "../../site/_lib/content/types.ts";

const ttlMs = 5_000;
let cached: { at: number; store: Promise<ContentStore> } | undefined;

export function contentDir(): string {
  return process.env.PARLONS_CONTENT_DIR ?? "content";
}

export function getContent(): Promise<ContentStore> {
  const now = Date.now();
  if (!cached || now - cached.at > ttlMs) {
    const store = loadContent(contentDir());
    cached = { at: now, store };
    store.catch(() => {
      if (cached?.store === store) cached = undefined;
    });
  }
  return cached.store;
}
