import {
  describeDuration,
  formatClockTime,
  formatDate,
  formatDateTime,
  formatDuration,
  formatRelative,
} from './time-format';
import { timeZoneLabel, timeZoneNames } from './time-zones';

const london = { locale: 'en-GB', timeZone: 'Europe/London' };
const newYork = { locale: 'en-US', timeZone: 'America/New_York' };
const at = (iso: string) => Date.parse(iso);

describe('times in the agent locale and time zone', () => {
  const t = at('2026-12-02T15:28:00Z');
  test('absolute date and time', () => {
    expect(formatDateTime(t, london)).toBe('2 Dec 2026, 15:28');
    expect(formatDateTime(t, newYork)).toBe('Dec 2, 2026, 10:28 AM');
    expect(formatDate(t, london)).toBe('2 Dec 2026');
    expect(formatClockTime(t, newYork)).toBe('10:28 AM');
  });

  test.each([
    ['under a minute', '2026-12-02T15:28:40Z', 'now'],
    ['minutes', '2026-12-02T15:30:10Z', '2 minutes ago'],
    ['hours the same day', '2026-12-02T20:00:00Z', '4 hours ago'],
    ['the next morning', '2026-12-03T09:00:00Z', 'yesterday'],
    ['within six hours across midnight', '2026-12-02T23:59:00Z', '8 hours ago'],
    ['days', '2026-12-05T09:00:00Z', '3 days ago'],
    ['a week or more: the date', '2026-12-12T09:00:00Z', '2 Dec 2026'],
    ['the future', '2026-12-02T15:18:00Z', 'in 10 minutes'],
  ])('relative: %s', (_case, now, words) => {
    const [ms, nowMs] = _case === 'the future' ? [at('2026-12-02T15:28:00Z'), at(now)] : [t, at(now)];
    expect(formatRelative(ms, nowMs, london)).toBe(words);
  });

  test('calendar days are counted in the agent time zone', () => {
    // 04:00 on 3 Dec in London is 23:00 on 2 Dec in New York; seen nine hours later, on 3 Dec in both.
    const call = at('2026-12-03T04:00:00Z');
    const seen = at('2026-12-03T13:00:00Z');
    expect(formatRelative(call, seen, london)).toBe('9 hours ago');
    expect(formatRelative(call, seen, { locale: 'en-GB', timeZone: 'America/New_York' })).toBe('yesterday');
  });
});

describe('durations', () => {
  test.each([
    [0, '0:00'],
    [7_400, '0:07'],
    [65_000, '1:05'],
    [754_000, '12:34'],
    [3_723_000, '1:02:03'],
    [-5, '0:00'],
  ])('%i ms is %s', (ms, text) => expect(formatDuration(ms)).toBe(text));

  test('in words', () => {
    expect(describeDuration(65_000, 'en-GB')).toBe('1 minute 5 seconds');
    expect(describeDuration(3_600_000, 'en-GB')).toBe('1 hour');
    expect(describeDuration(0, 'en-GB')).toBe('0 seconds');
  });
});

describe('time zones', () => {
  test('the list has UTC first and the usual regions, each once', () => {
    const names = timeZoneNames();
    expect(names[0]).toBe('UTC');
    expect(names).toContain('Europe/London');
    expect(names).toContain('America/New_York');
    expect(new Set(names).size).toBe(names.length);
  });

  test('a label names the zone and its offset at that moment', () => {
    expect(timeZoneLabel('Europe/London', at('2026-12-02T12:00:00Z'))).toBe('Europe/London (GMT)');
    expect(timeZoneLabel('Europe/London', at('2026-07-02T12:00:00Z'))).toBe('Europe/London (GMT+1)');
    expect(timeZoneLabel('America/Argentina/Buenos_Aires', at('2026-07-02T12:00:00Z'))).toBe(
      'America/Argentina/Buenos Aires (GMT-3)',
    );
  });
});
