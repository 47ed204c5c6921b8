import type { Presence, PresenceState } from '../../common/presence';

export const presenceLabels: Record<PresenceState, string> = {
  offline: 'Offline',
  available: 'Available',
  ringing: 'Ringing',
  'on-call': 'On a call',
  'wrap-up': 'Wrap-up',
  away: 'Away',
  dnd: 'Do not disturb',
};

/** A presence as people read it: the state, with the away reason when there is one ("Away · Lunch"). */
export function presenceText(p: Pick<Presence, 'state' | 'reason'>): string {
  return p.state === 'away' && p.reason ? `${presenceLabels.away} · ${p.reason.name}` : presenceLabels[p.state];
}
