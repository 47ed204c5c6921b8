import type { PhoneStatus } from '../../common/presence';
import { derivePresence } from './derive-presence';

const phone = (registration: PhoneStatus['registration'], ringing = 0, activeCalls = 0): PhoneStatus => ({ registration, ringing, activeCalls });

test.each([
  { why: 'no tab open', tabs: [], registered: true, manual: 'available', want: 'offline', issues: [] },
  { why: 'tab open, phone still connecting', tabs: [phone('connecting')], registered: false, manual: 'available', want: 'offline', issues: ['not-registered'] },
  { why: 'registration failed', tabs: [phone('failed')], registered: false, manual: 'available', want: 'offline', issues: ['not-registered'] },
  { why: 'the page says registered, Kamailio has no contact', tabs: [phone('registered')], registered: false, manual: 'available', want: 'offline', issues: ['registration-lost'] },
  { why: 'Kamailio has a contact, the page says its phone is down', tabs: [phone('connecting')], registered: true, manual: 'available', want: 'offline', issues: ['not-registered'] },
  { why: 'registered', tabs: [phone('registered')], registered: true, manual: 'available', want: 'available', issues: [] },
  { why: 'registered and away', tabs: [phone('registered')], registered: true, manual: 'away', want: 'away', issues: [] },
  { why: 'registered and dnd', tabs: [phone('registered')], registered: true, manual: 'dnd', want: 'dnd', issues: [] },
  { why: 'ringing', tabs: [phone('registered', 1)], registered: true, manual: 'available', want: 'ringing', issues: [] },
  { why: 'on a call beats ringing (call waiting)', tabs: [phone('registered', 1, 1)], registered: true, manual: 'available', want: 'on-call', issues: [] },
  { why: 'on a call while dnd', tabs: [phone('registered', 0, 1)], registered: true, manual: 'dnd', want: 'on-call', issues: [] },
  { why: 'two tabs, one registered', tabs: [phone('connecting'), phone('registered')], registered: true, manual: 'available', want: 'available', issues: [] },
] as const)('$why → $want', ({ tabs, registered, manual, want, issues }) => {
  expect(derivePresence({ tabs: [...tabs], registered, manual })).toEqual({ state: want, issues: [...issues] });
});

test.each([
  { why: 'wrapping up beats the choice', phones: [phone('registered')], manual: 'available', want: 'wrap-up' },
  { why: 'wrapping up beats away', phones: [phone('registered')], manual: 'away', want: 'wrap-up' },
  { why: 'ringing beats wrapping up', phones: [phone('registered', 1)], manual: 'available', want: 'ringing' },
  { why: 'on a call beats wrapping up', phones: [phone('registered', 0, 1)], manual: 'available', want: 'on-call' },
  { why: 'offline beats wrapping up', phones: [phone('failed')], manual: 'available', want: 'offline' },
] as const)('in wrap-up: $why → $want', ({ phones, manual, want }) => {
  expect(derivePresence({ tabs: [...phones], registered: true, manual, wrappingUp: true }).state).toBe(want);
});
