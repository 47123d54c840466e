// Global data is handed to Eleventy frozen. Eleventy deep-copies plain data objects into each template's data
// and, on each paginated page (thousands on a large commune), wraps them in a Proxy that every read goes
// through; frozen objects it passes on as they are (Merge in @11ty/eleventy-utils, ProxyWrap in Eleventy).
// Nothing in the build edits global data, so freezing also turns an accidental edit into an error.

/** Freezes `value` and everything it holds (Dates aside: freezing one does not stop its setters). */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value) || value instanceof Date) return value;
  Object.freeze(value);
  for (const item of Object.values(value)) deepFreeze(item);
  return value;
}
