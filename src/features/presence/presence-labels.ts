import type { PresenceState } from '../../common/presence';

export const presenceLabels: Record<PresenceState, string> = {
  offline: 'Offline',
  available: 'Available',
  ringing: 'Ringing',
  'on-call': 'On a call',
  'wrap-up': 'Wrap-up',
  away: 'Away',
  dnd: 'Do not disturb',
};
