// @alpinejs/csp ships no types; this is the part of Alpine's API the idea box uses.
declare module "@alpinejs/csp" {
  interface AlpineCsp {
    data(name: string, factory: () => object): void;
    start(): void;
  }
  const Alpine: AlpineCsp;
  export default Alpine;
}
