import { z } from 'zod';

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const weekdaySchema = z.enum(weekdays, { error: 'Choose days from mon, tue, wed, thu, fri, sat, sun' });
export type Weekday = z.infer<typeof weekdaySchema>;

export const timeOfDaySchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Write times as HH:MM on a 24-hour clock, e.g. 09:30');

/**
 * A weekly time range: on each of `days`, from `start` to `end` local time.
 * An `end` earlier than `start` crosses midnight into the next day (Fri 22:00–06:00 ends Sat 06:00).
 */
export const weeklyHoursSchema = z
  .object({
    days: z
      .array(weekdaySchema)
      .min(1, 'Choose at least one day')
      .refine((days) => new Set(days).size === days.length, 'Each day may be chosen only once'),
    start: timeOfDaySchema,
    end: timeOfDaySchema,
  })
  .refine((hours) => hours.start !== hours.end, { path: ['end'], message: 'End time must differ from start time' });
export type WeeklyHours = z.infer<typeof weeklyHoursSchema>;

export const MINUTES_PER_DAY = 24 * 60;
export const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

export function minutesOfDay(hhmm: string): number {
  const [hours = 0, minutes = 0] = hhmm.split(':').map(Number);
  return hours * 60 + minutes;
}

/** Half-open minute ranges within one week (Monday 00:00 = 0); a range running past Sunday night wraps to Monday. */
export function weekIntervals(hours: WeeklyHours): Array<[number, number]> {
  const start = minutesOfDay(hours.start);
  const end = minutesOfDay(hours.end);
  const length = end > start ? end - start : end + MINUTES_PER_DAY - start;
  return hours.days.flatMap((day): Array<[number, number]> => {
    const from = weekdays.indexOf(day) * MINUTES_PER_DAY + start;
    const to = from + length;
    return to <= MINUTES_PER_WEEK
      ? [[from, to]]
      : [
          [from, MINUTES_PER_WEEK],
          [0, to - MINUTES_PER_WEEK],
        ];
  });
}

/** True when the minute of the week (Monday 00:00 = 0) falls inside the hours. */
export function coversMinuteOfWeek(hours: WeeklyHours, minuteOfWeek: number): boolean {
  return weekIntervals(hours).some(([from, to]) => minuteOfWeek >= from && minuteOfWeek < to);
}

export function hoursOverlap(a: WeeklyHours, b: WeeklyHours): boolean {
  const bs = weekIntervals(b);
  return weekIntervals(a).some(([aFrom, aTo]) => bs.some(([bFrom, bTo]) => aFrom < bTo && bFrom < aTo));
}

/** A weekday as the screens write it. */
export const dayLabels: Record<Weekday, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

/** "Mon, Tue 09:00–17:00" */
export function describeHours(hours: WeeklyHours): string {
  return `${hours.days.map((day) => dayLabels[day]).join(', ')} ${hours.start}–${hours.end}`;
}

/**
 * A check for a list whose items carry weekly hours: every item that overlaps an earlier one gets an issue
 * at `[index, ...hoursPath]` naming the item it collides with.
 */
export function refineNoOverlap<T>(
  hoursOf: (item: T) => WeeklyHours,
  hoursPath: (string | number)[],
  labelOf: (item: T, index: number) => string,
) {
  return (items: T[], ctx: z.RefinementCtx) => {
    items.forEach((item, index) => {
      const earlier = items.findIndex(
        (other, otherIndex) => otherIndex < index && hoursOverlap(hoursOf(other), hoursOf(item)),
      );
      const clash = items[earlier];
      if (clash === undefined) return;
      ctx.addIssue({
        code: 'custom',
        path: [index, ...hoursPath],
        message: `Overlaps ${labelOf(clash, earlier)} (${describeHours(hoursOf(clash))}); times must not overlap`,
      });
    });
  };
}
