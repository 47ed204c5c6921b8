import { instantOfWallTime, wallClockAt } from './wall-clock';

/** The instant of local midnight starting the day y-m-d in the zone (DST days included). */
const midnight = (y: number, m: number, d: number, timeZone: string) =>
  instantOfWallTime(Date.UTC(y, m - 1, d), timeZone);

export type LocalDay = { day: string; start: number; end: number };

const pad = (n: number) => String(n).padStart(2, '0');

/** The local day (`YYYY-MM-DD`) holding the instant `ms` in the zone, with its first and one-past-last instants. */
export function localDayAt(ms: number, timeZone: string): LocalDay {
  const { y, m, d } = wallClockAt(ms, timeZone);
  return localDay(`${y}-${pad(m)}-${pad(d)}`, timeZone)!;
}

/** The bounds of a `YYYY-MM-DD` day in the zone; undefined when the text is not a real date. */
export function localDay(day: string, timeZone: string): LocalDay | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return undefined;
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return {
    day,
    start: midnight(y, m, d, timeZone),
    end: midnight(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), timeZone),
  };
}
