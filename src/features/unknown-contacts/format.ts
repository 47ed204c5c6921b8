import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { NotificationView } from '../../common/notifications';

const time = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** National format for the caller's country ("07911 123456"), else as written. */
export const formatPhone = (e164: string) => parsePhoneNumberFromString(e164)?.formatNational() ?? e164;
export const formatTime = (ms: number) => time.format(ms);

/** "3 minutes ago", "yesterday". */
export function formatAgo(ms: number, now = Date.now()): string {
  const s = Math.round((ms - now) / 1000);
  if (Math.abs(s) < 60) return relative.format(s, 'second');
  if (Math.abs(s) < 3600) return relative.format(Math.round(s / 60), 'minute');
  if (Math.abs(s) < 86_400) return relative.format(Math.round(s / 3600), 'hour');
  return relative.format(Math.round(s / 86_400), 'day');
}

export const kindLabel: Record<NotificationView['kind'], string> = {
  'missed-call': 'Missed call',
  'answered-call': 'Answered call',
  text: 'Text',
};

export const stateLabel: Record<NotificationView['state'], string> = { unclaimed: 'Unclaimed', claimed: 'Claimed', done: 'Done' };
