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
function measuredOffsetMs(utcMs: number): number {
  const parts: Record<string, number> = {};
  for (const { type, value } of paris.formatToParts(utcMs)) parts[type] = Number(value);
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second) - Math.floor(utcMs / 1000) * 1000;
}

const hourMs = 60 * 60 * 1000;
// Since 1911, when France left Paris mean time, every Paris offset change has fallen on a UTC hour (checked
// against Intl hour by hour up to 2200), so one reading per UTC hour holds for the whole hour. A large site
// reads thousands of dates, and formatToParts is the expensive part.
const hourlyFrom = Date.UTC(1912, 0, 1);
const offsetsByHour = new Map<number, number>();

function parisOffsetMs(utcMs: number): number {
  if (utcMs < hourlyFrom) return measuredOffsetMs(utcMs);
  const hour = Math.floor(utcMs / hourMs);
  let offset = offsetsByHour.get(hour);
  if (offset === undefined) {
    offset = measuredOffsetMs(hour * hourMs);
    offsetsByHour.set(hour, offset);
  }
  return offset;
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
