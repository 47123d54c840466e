// The organizer content, loaded and validated once per build. The global data file hands it to templates;
// the asset step reads the same store (fonts) instead of loading the content a second time.
import type { ContentStore } from "../_lib/content/types.ts";
import { loadContent } from "../_lib/content/load.ts";
import type { DataContext } from "./data.ts";

const lastLoaded = new WeakMap<DataContext, ContentStore>();

export async function loadBuildContent(context: DataContext): Promise<ContentStore> {
  const store = await loadContent(context.contentDir);
  lastLoaded.set(context, store);
  return store;
}

/** The content of the build in progress (set once its global data has been gathered). */
export function buildContent(context: DataContext): ContentStore | undefined {
  return lastLoaded.get(context);
}
