/**
 * Wall clocks of IANA time zones, DST included: what a zone's clocks read at an instant, and back. The one
 * home for it in both browser and companion (an organisation's day, a dry run's local time).
 */
const formats = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, f);
  }
  return f;
}

/** What the zone's clocks read at `ms`: the date, and the reading as milliseconds as if it were UTC. */
export function wallClockAt(ms: number, timeZone: string): { y: number; m: number; d: number; wall: number } {
  const parts = format(timeZone).formatToParts(ms);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const [y, m, d] = [get('year'), get('month'), get('day')];
  return { y, m, d, wall: Date.UTC(y, m - 1, d, get('hour'), get('minute'), get('second')) };
}

/** The instant at which the zone's clocks read `wall` (milliseconds as if UTC); a time skipped by DST lands after. */
export function instantOfWallTime(wall: number, timeZone: string): number {
  let guess = wall;
  for (let i = 0; i < 3; i++) guess = wall - (wallClockAt(guess, timeZone).wall - Math.floor(guess / 1000) * 1000);
  return guess;
}
