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

/**
 * Who the call is with: the contact's name, else the number as `phone` writes it (the organisation's format); on a
 * call between extensions, the other agent and their extension.
 */
export const callParty = (c: BoardCall, phone: (n: string) => string) =>
  c.party.staffId !== undefined
    ? `${c.party.name ?? 'Extension'} (ext. ${c.party.number}, internal)`
    : (c.party.name ?? phone(c.party.number));

/** "In ← Jane Roe · Sales line" / "Out → 07911 123456 · Support" / "Out → Bob Agent (ext. 1002, internal)". */
export function callSummary(c: BoardCall, phone: (n: string) => string): string {
  const arrow = c.direction === 'inbound' ? 'In ←' : 'Out →';
  return `${arrow} ${callParty(c, phone)}${c.number ? ` · ${c.number.displayName}` : ''}`;
}

/** How long the call has been ringing or talking. */
export const callDuration = (c: BoardCall, now: number) => formatDuration(now - (c.answeredAt ?? c.startedAt));

/** Talk time of the day (calls with the phone network), the call in progress included. */
export function talkTime(today: BoardToday, call: BoardCall | null, now: number): string {
  const counted = call?.status === 'talking' && call.answeredAt !== null && call.party.staffId === undefined;
  const live = counted ? now - call.answeredAt! : 0;
  return formatDuration(today.talkSeconds * 1000 + live);
}
