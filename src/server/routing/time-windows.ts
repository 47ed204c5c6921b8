import { coversMinuteOfWeek, type WeeklyHours } from '../../common/domain/weekly-hours';
import { zonedTime } from './zoned-time';

/** The first item whose hours cover `now` in `timeZone` (items never overlap, so at most one does). */
export function findActive<T>(
  items: T[],
  hoursOf: (item: T) => WeeklyHours,
  now: Date,
  timeZone: string,
): { item: T; index: number } | undefined {
  const minute = zonedTime(now, timeZone).minuteOfWeek;
  const index = items.findIndex((item) => coversMinuteOfWeek(hoursOf(item), minute));
  const item = items[index];
  return item === undefined ? undefined : { item, index };
}
