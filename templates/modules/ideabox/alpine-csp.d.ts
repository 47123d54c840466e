// @alpinejs/csp ships no types; this is the part of Alpine's API the idea box uses.
declare module "@alpinejs/csp" {
  interface AlpineCsp {
    data(name: string, factory: () => object): void;
    /** Replaces the `x-` of every directive (e.g. "data-x-" for `data-x-data`). */
    prefix(prefix: string): void;
    start(): void;
  }
  const Alpine: AlpineCsp;
  export default Alpine;
}
