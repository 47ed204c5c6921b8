import { MINUTES_PER_DAY, weekdays, type Weekday } from '../../common/domain/weekly-hours';

const partsFormats = new Map<string, Intl.DateTimeFormat>();
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    partsFormats.set(timeZone, format);
  }
  return format;
}

export interface ZonedTime {
  weekday: Weekday;
  /** Minutes since local midnight. */
  minuteOfDay: number;
  /** Minutes since local Monday 00:00. */
  minuteOfWeek: number;
}

/** The wall-clock weekday and time at `now` in an IANA time zone (DST included). */
export function zonedTime(now: Date, timeZone: string): ZonedTime {
  const parts = partsFormat(timeZone).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((entry) => entry.type === type)?.value ?? '';
  const weekday = part('weekday').slice(0, 3).toLowerCase() as Weekday;
  const minuteOfDay = (Number(part('hour')) % 24) * 60 + Number(part('minute'));
  return { weekday, minuteOfDay, minuteOfWeek: weekdays.indexOf(weekday) * MINUTES_PER_DAY + minuteOfDay };
}

/** "12 Nov" in the time zone. */
export function formatDay(epochMs: number, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short' });
    dayFormats.set(timeZone, format);
  }
  return format.format(new Date(epochMs));
}
