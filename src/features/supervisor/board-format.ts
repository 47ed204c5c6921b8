import type { BoardCall, BoardToday } from '../../common/api/board';
import { formatDuration } from '../../common/format';

const clocks = new Map<string, Intl.DateTimeFormat>();

/** "14:05" in the organisation's time zone (the board's day is the organisation's). */
export function formatClock(ms: number, timeZone: string): string {
  let f = clocks.get(timeZone);
  if (!f)
    clocks.set(timeZone, (f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' })));
  return f.format(ms);
}

/** Who the call is with: the contact's name, else the number as `phone` writes it (the organisation's format). */
export const callParty = (c: BoardCall, phone: (n: string) => string) => c.party.name ?? phone(c.party.number);

/** "In ← Jane Roe · Sales line" / "Out → 07911 123456 · Support". */
export function callSummary(c: BoardCall, phone: (n: string) => string): string {
  const arrow = c.direction === 'inbound' ? 'In ←' : 'Out →';
  return `${arrow} ${callParty(c, phone)}${c.number ? ` · ${c.number.displayName}` : ''}`;
}

/** How long the call has been ringing or talking. */
export const callDuration = (c: BoardCall, now: number) => formatDuration(now - (c.answeredAt ?? c.startedAt));

/** Talk time of the day, the call in progress included. */
export function talkTime(today: BoardToday, call: BoardCall | null, now: number): string {
  const live = call?.status === 'talking' && call.answeredAt !== null ? now - call.answeredAt : 0;
  return formatDuration(today.talkSeconds * 1000 + live);
}
