// `npm run purge`: erases the sign-in traces older than their retention period (site/_lib/privacy/retention.ts)
// in the database the environment names, and prints what it deleted. Through getDataPort(), so it also works
// while `npm start` owns the local database. In production a scheduled job runs the same SQL action daily.
import { getDataPort } from "../functions/lib/db/index.ts";
import type { DataPort } from "../functions/lib/db/port.ts";
import { purgedTables, type PurgedTable } from "../site/_lib/privacy/retention.ts";

export type PurgeCounts = Record<PurgedTable, number>;

export function purge(port: DataPort): Promise<PurgeCounts> {
  return port.call<PurgeCounts>("purge_expired_data", {});
}

/** One line per table, e.g. "sessions: 3 deleted". */
export function purgeReport(counts: PurgeCounts): string {
  return purgedTables.map((table) => `${table}: ${counts[table]} deleted`).join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = await getDataPort();
  try {
    console.log(purgeReport(await purge(port)));
  } finally {
    await port.close();
  }
}
