// The organizer content, loaded and validated once per build. The global data file hands it to templates;
// other build steps read the same store (fonts, header links, the admin's site URL) instead of loading the
// content a second time.
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

/** Freezes `value` and everything it holds (Dates aside: freezing one does not stop its setters). */
function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value) || value instanceof Date) return value;
  Object.freeze(value);
  for (const item of Object.values(value)) deepFreeze(item);
  return value;
}

export async function loadBuildContent(context: DataContext): Promise<ContentStore> {
  // Frozen, Eleventy hands the store to every page as it is: it deep-copies plain data objects into each
  // template's data and wraps them in a Proxy on each paginated page (thousands on a large commune), but
  // passes frozen ones through (@11ty/eleventy-utils Merge, Eleventy's ProxyWrap). Nothing edits it anyway.
  const store = deepFreeze(await loadContent(context.contentDir));
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
