// Organizers type Europe/Paris wall-clock times ("2026-09-14T18:00"); the database and the templates need
// instants. Intl knows the Paris rules (CET/CEST), so no time-zone library is needed.

export const wallClockPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
export const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

const paris = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Paris",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** Paris wall clock at `utcMs`, read back as if it were UTC: the difference is the Paris offset. */
function parisOffsetMs(utcMs: number): number {
  const part = (type: string) => Number(paris.formatToParts(utcMs).find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/**
 * The instant of a Paris wall-clock time, or undefined if the string is not a real date and time.
 * Times skipped by the spring change resolve one hour later; repeated autumn times resolve to the later one.
 */
export function parisInstant(wallClock: string): Date | undefined {
  const m = wallClockPattern.exec(wallClock) ?? dayPattern.exec(wallClock);
  if (!m) return undefined;
  const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1).map((x) => (x === undefined ? undefined : Number(x)));
  const wall = Date.UTC(y!, mo! - 1, d!, h, mi, s);
  const check = new Date(wall);
  if (check.getUTCMonth() !== mo! - 1 || check.getUTCDate() !== d! || h > 23 || mi > 59 || s > 59) return undefined;
  let instant = wall - parisOffsetMs(wall);
  instant = wall - parisOffsetMs(instant);
  return new Date(instant);
}
