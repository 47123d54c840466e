// The organizer content, loaded and validated once per build. The global data file hands it to templates;
// other build steps read the same store (fonts, header links, the admin's site URL) instead of loading the
// content a second time.
import { formatWarning } from "../_lib/content/errors.ts";
import type { ContentStore } from "../_lib/content/types.ts";
import { loadContent } from "../_lib/content/load.ts";
import type { DataContext } from "./data.ts";

const lastLoaded = new WeakMap<DataContext, ContentStore>();
interface Deferred {
  promise: Promise<ContentStore>;
  resolve: (store: ContentStore) => void;
}
const firstLoaded = new WeakMap<DataContext, Deferred>();

function firstLoad(context: DataContext): Deferred {
  let deferred = firstLoaded.get(context);
  if (!deferred) {
    let resolve: Deferred["resolve"] = () => {};
    const promise = new Promise<ContentStore>((done) => (resolve = done));
    deferred = { promise, resolve };
    firstLoaded.set(context, deferred);
  }
  return deferred;
}

export async function loadBuildContent(context: DataContext): Promise<ContentStore> {
  const first = !lastLoaded.has(context);
  const store = first && context.loadedContent ? context.loadedContent : await loadContent(context.contentDir);
  // Shown, not refused (a partial translation, a theme without English name): the organizer completes it later.
  for (const warning of store.warnings) console.warn(`Content warning: ${formatWarning(warning)}`);
  lastLoaded.set(context, store);
  firstLoad(context).resolve(store);
  return store;
}

/** The content of the build in progress (set once its global data has been gathered). */
export function buildContent(context: DataContext): ContentStore | undefined {
  return lastLoaded.get(context);
}

/** Resolves when the first build of these options has loaded its content (steps that run once per process). */
export function firstBuildContent(context: DataContext): Promise<ContentStore> {
  return firstLoad(context).promise;
}
