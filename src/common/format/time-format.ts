/** Whose clock and words: the agent's locale ("en-GB") and time zone ("Europe/London"). */
export type TimeSettings = { locale: string; timeZone: string };

const cache = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(s: TimeSettings, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${s.locale}|${s.timeZone}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(s.locale, { ...options, timeZone: s.timeZone });
    cache.set(key, format);
  }
  return format;
}

/** "3 Dec 2026, 15:28" (en-GB) or "Dec 3, 2026, 3:28 PM" (en-US), in the agent's time zone. */
export const formatDateTime = (ms: number, s: TimeSettings): string =>
  dateTimeFormat(s, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);

/** "3 Dec 2026". */
export const formatDate = (ms: number, s: TimeSettings): string =>
  dateTimeFormat(s, { dateStyle: 'medium' }).format(ms);

/** "15:28" or "3:28 PM". */
export const formatClockTime = (ms: number, s: TimeSettings): string =>
  dateTimeFormat(s, { timeStyle: 'short' }).format(ms);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long ago (or until) in words: "now" under a minute, then "5 minutes ago", "3 hours ago", "yesterday",
 * "4 days ago"; a week or more away it is the date itself. Days count calendar days in the agent's time zone,
 * so a call at 20:00 seen at 09:00 the next morning was "yesterday" (within six hours it is still "2 hours ago").
 */
export function formatRelative(ms: number, now: number, s: TimeSettings): string {
  const words = new Intl.RelativeTimeFormat(s.locale, { numeric: 'auto' });
  const diff = ms - now;
  const away = Math.abs(diff);
  if (away < MINUTE) return words.format(0, 'second');
  if (away < HOUR) return words.format(Math.trunc(diff / MINUTE), 'minute');
  const days = calendarDay(ms, s) - calendarDay(now, s);
  if (days === 0 || away < 6 * HOUR) return words.format(Math.trunc(diff / HOUR), 'hour');
  if (Math.abs(days) < 7) return words.format(days, 'day');
  return formatDate(ms, s);
}

/** Days since the epoch of the date `ms` falls on in the agent's time zone. */
function calendarDay(ms: number, s: TimeSettings): number {
  const parts = dateTimeFormat(
    { locale: 'en-GB', timeZone: s.timeZone },
    { year: 'numeric', month: '2-digit', day: '2-digit' },
  ).formatToParts(ms);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Math.round(Date.UTC(part('year'), part('month') - 1, part('day')) / DAY);
}

/** A duration as a clock: `0:07`, `12:34`, `1:02:03` from an hour. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const sec = String(total % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** A duration in words for screen readers and titles: "1 minute 5 seconds". */
export function describeDuration(ms: number, locale: string): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const unit = (value: number, u: 'hour' | 'minute' | 'second') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'long' }).format(value);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const sec = total % 60;
  const parts = [h ? unit(h, 'hour') : '', m ? unit(m, 'minute') : '', sec || total === 0 ? unit(sec, 'second') : ''];
  return parts.filter(Boolean).join(' ');
}
