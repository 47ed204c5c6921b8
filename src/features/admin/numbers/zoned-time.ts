import { instantOfWallTime } from '../../../common/domain/wall-clock';

/**
 * The ISO instant of a wall-clock time ("2025-06-04T10:00", as an <input type="datetime-local"> gives it)
 * in the given time zone; null when the text is not such a time.
 */
export function zonedTimeToIso(local: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  return new Date(instantOfWallTime(Date.UTC(y, mo - 1, d, h, mi), timeZone)).toISOString();
}
