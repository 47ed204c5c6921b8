import { localDay, localDayAt } from './local-day';

const iso = (ms: number) => new Date(ms).toISOString();

test.each([
  {
    why: 'London in winter is UTC',
    at: '2026-12-03T05:30:00Z',
    zone: 'Europe/London',
    day: '2026-12-03',
    start: '2026-12-03T00:00:00.000Z',
    end: '2026-12-04T00:00:00.000Z',
  },
  {
    why: 'London in summer is UTC+1',
    at: '2026-07-01T23:30:00Z',
    zone: 'Europe/London',
    day: '2026-07-02',
    start: '2026-07-01T23:00:00.000Z',
    end: '2026-07-02T23:00:00.000Z',
  },
  {
    why: 'the spring-forward day has 23 hours',
    at: '2026-03-29T12:00:00Z',
    zone: 'Europe/London',
    day: '2026-03-29',
    start: '2026-03-29T00:00:00.000Z',
    end: '2026-03-29T23:00:00.000Z',
  },
  {
    why: 'New York, evening is still the same day',
    at: '2026-12-04T02:00:00Z',
    zone: 'America/New_York',
    day: '2026-12-03',
    start: '2026-12-03T05:00:00.000Z',
    end: '2026-12-04T05:00:00.000Z',
  },
  {
    why: 'Tokyo is ahead',
    at: '2026-12-03T16:00:00Z',
    zone: 'Asia/Tokyo',
    day: '2026-12-04',
    start: '2026-12-03T15:00:00.000Z',
    end: '2026-12-04T15:00:00.000Z',
  },
])('$why', ({ at, zone, day, start, end }) => {
  const d = localDayAt(Date.parse(at), zone);
  expect({ day: d.day, start: iso(d.start), end: iso(d.end) }).toEqual({ day, start, end });
});

test('a day that does not exist is refused', () => {
  expect(localDay('2026-02-30', 'Europe/London')).toBeUndefined();
  expect(localDay('yesterday', 'Europe/London')).toBeUndefined();
});
