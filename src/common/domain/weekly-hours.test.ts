import { coversMinuteOfWeek, hoursOverlap, weekIntervals, weeklyHoursSchema, type WeeklyHours } from './weekly-hours';

const at = (day: number, hhmm: string) => {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return day * 1440 + h * 60 + m;
};

test.each<{ name: string; hours: WeeklyHours; intervals: Array<[number, number]> }>([
  { name: 'same-day range', hours: { days: ['mon'], start: '09:00', end: '17:00' }, intervals: [[540, 1020]] },
  {
    name: 'crosses midnight into the next day',
    hours: { days: ['fri'], start: '22:00', end: '06:00' },
    intervals: [[at(4, '22:00'), at(5, '06:00')]],
  },
  {
    name: 'ends at midnight',
    hours: { days: ['tue'], start: '18:00', end: '00:00' },
    intervals: [[at(1, '18:00'), at(2, '00:00')]],
  },
  {
    name: 'Sunday night wraps to Monday morning',
    hours: { days: ['sun'], start: '23:00', end: '01:00' },
    intervals: [
      [at(6, '23:00'), 10080],
      [0, 60],
    ],
  },
])('weekIntervals: $name', ({ hours, intervals }) => {
  expect(weekIntervals(hours)).toEqual(intervals);
});

test.each<{ name: string; minute: number; covered: boolean }>([
  { name: 'Fri 23:30 inside Fri 22:00–06:00', minute: at(4, '23:30'), covered: true },
  { name: 'Sat 05:59 inside Fri 22:00–06:00', minute: at(5, '05:59'), covered: true },
  { name: 'Sat 06:00 is the end, outside', minute: at(5, '06:00'), covered: false },
  { name: 'Fri 21:59 before the start, outside', minute: at(4, '21:59'), covered: false },
  { name: 'Fri 05:00 (the night before) outside', minute: at(4, '05:00'), covered: false },
])('coversMinuteOfWeek: $name', ({ minute, covered }) => {
  expect(coversMinuteOfWeek({ days: ['fri'], start: '22:00', end: '06:00' }, minute)).toBe(covered);
});

test.each<{ name: string; a: WeeklyHours; b: WeeklyHours; overlap: boolean }>([
  {
    name: 'same day, intersecting',
    a: { days: ['mon'], start: '09:00', end: '12:00' },
    b: { days: ['mon'], start: '11:00', end: '14:00' },
    overlap: true,
  },
  {
    name: 'back to back',
    a: { days: ['mon'], start: '09:00', end: '12:00' },
    b: { days: ['mon'], start: '12:00', end: '14:00' },
    overlap: false,
  },
  {
    name: 'different days',
    a: { days: ['mon'], start: '09:00', end: '17:00' },
    b: { days: ['tue'], start: '09:00', end: '17:00' },
    overlap: false,
  },
  {
    name: 'overnight spills into next morning',
    a: { days: ['mon'], start: '22:00', end: '08:00' },
    b: { days: ['tue'], start: '07:00', end: '09:00' },
    overlap: true,
  },
  {
    name: 'Sunday overnight spills into Monday',
    a: { days: ['sun'], start: '22:00', end: '02:00' },
    b: { days: ['mon'], start: '01:00', end: '03:00' },
    overlap: true,
  },
  {
    name: 'overnight ends as the next begins',
    a: { days: ['mon'], start: '22:00', end: '08:00' },
    b: { days: ['tue'], start: '08:00', end: '17:00' },
    overlap: false,
  },
])('hoursOverlap: $name → $overlap', ({ a, b, overlap }) => {
  expect(hoursOverlap(a, b)).toBe(overlap);
  expect(hoursOverlap(b, a)).toBe(overlap);
});

test.each([
  {
    name: 'no days',
    input: { days: [], start: '09:00', end: '17:00' },
    path: ['days'],
    message: 'Choose at least one day',
  },
  {
    name: 'a day twice',
    input: { days: ['mon', 'mon'], start: '09:00', end: '17:00' },
    path: ['days'],
    message: 'Each day may be chosen only once',
  },
  {
    name: 'unknown day',
    input: { days: ['monday'], start: '09:00', end: '17:00' },
    path: ['days', 0],
    message: 'Choose days from mon, tue, wed, thu, fri, sat, sun',
  },
  {
    name: '24:00',
    input: { days: ['mon'], start: '09:00', end: '24:00' },
    path: ['end'],
    message: 'Write times as HH:MM on a 24-hour clock, e.g. 09:30',
  },
  {
    name: '9:00 without the leading zero',
    input: { days: ['mon'], start: '9:00', end: '17:00' },
    path: ['start'],
    message: 'Write times as HH:MM on a 24-hour clock, e.g. 09:30',
  },
  {
    name: 'start equals end',
    input: { days: ['mon'], start: '09:00', end: '09:00' },
    path: ['end'],
    message: 'End time must differ from start time',
  },
])('weeklyHoursSchema refuses $name', ({ input, path, message }) => {
  const result = weeklyHoursSchema.safeParse(input);
  expect(result.error?.issues.map((issue) => ({ path: issue.path, message: issue.message }))).toEqual([
    { path, message },
  ]);
});
