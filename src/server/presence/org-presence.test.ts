import type { HealthIssue } from '../../common/presence-health';
import { orgPresence, type LivePresence } from './org-presence';

const live: Record<string, { state: 'available' | 'away'; issues?: HealthIssue[] }> = {
  ana: { state: 'available' },
  ben: { state: 'away', issues: [] },
  cy: { state: 'available', issues: ['heartbeat-late'] },
  eve: { state: 'available', issues: ['no-microphone'] },
};
const presence: LivePresence = { get: (id) => live[id] };
const members = new Map([
  ['ana', {}],
  ['ben', {}],
  ['cy', {}],
  ['dee', {}],
]);
const org = orgPresence(presence, members);

test.each([
  { who: 'an agent of the organisation', staffId: 'ana', state: 'available', health: undefined },
  { who: 'an agent with an empty list of issues', staffId: 'ben', state: 'away', health: undefined },
  { who: 'an agent with a health issue', staffId: 'cy', state: 'available', health: ['heartbeat-late'] },
  { who: 'an agent never seen (no live presence)', staffId: 'dee', state: 'offline', health: undefined },
  { who: "another organisation's agent, live and unwell", staffId: 'eve', state: 'offline', health: undefined },
  { who: 'an unknown id', staffId: 'zed', state: 'offline', health: undefined },
])('$who: $state', ({ staffId, state, health }) => {
  expect(org.state(staffId)).toBe(state);
  expect(org.health(staffId)).toEqual(health);
});
