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

function wallClock(ms: number, timeZone: string) {
  const parts = format(timeZone).formatToParts(ms);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return {
    y: get('year'),
    m: get('month'),
    d: get('day'),
    wall: Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')),
  };
}

/** The instant of local midnight starting the day y-m-d in the zone (DST days included). */
function midnight(y: number, m: number, d: number, timeZone: string): number {
  const wall = Date.UTC(y, m - 1, d);
  let guess = wall;
  for (let i = 0; i < 3; i++) guess = wall - (wallClock(guess, timeZone).wall - Math.floor(guess / 1000) * 1000);
  return guess;
}

export type LocalDay = { day: string; start: number; end: number };

const pad = (n: number) => String(n).padStart(2, '0');

/** The local day (`YYYY-MM-DD`) holding the instant `ms` in the zone, with its first and one-past-last instants. */
export function localDayAt(ms: number, timeZone: string): LocalDay {
  const { y, m, d } = wallClock(ms, timeZone);
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
