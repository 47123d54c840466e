// Global test setup. Owned by the platform work: starts shared services (throwaway PostgreSQL cluster)
// and builds the demo site once. Kept empty until those pieces land.
export default async function setup(): Promise<() => Promise<void>> {
  return async () => {};
}
