import type { PhoneStatus } from '../../common/presence';
import { derivePresence } from './derive-presence';

const phone = (registration: PhoneStatus['registration'], ringing = 0, activeCalls = 0): PhoneStatus => ({ registration, ringing, activeCalls });

test.each([
  { why: 'no tab open', phones: [], manual: 'available', want: 'offline' },
  { why: 'tab open, phone still connecting', phones: [phone('connecting')], manual: 'available', want: 'offline' },
  { why: 'registration failed', phones: [phone('failed')], manual: 'available', want: 'offline' },
  { why: 'registered', phones: [phone('registered')], manual: 'available', want: 'available' },
  { why: 'registered and away', phones: [phone('registered')], manual: 'away', want: 'away' },
  { why: 'registered and dnd', phones: [phone('registered')], manual: 'dnd', want: 'dnd' },
  { why: 'ringing', phones: [phone('registered', 1)], manual: 'available', want: 'ringing' },
  { why: 'on a call beats ringing (call waiting)', phones: [phone('registered', 1, 1)], manual: 'available', want: 'on-call' },
  { why: 'on a call while dnd', phones: [phone('registered', 0, 1)], manual: 'dnd', want: 'on-call' },
  { why: 'two tabs, one registered', phones: [phone('connecting'), phone('registered')], manual: 'available', want: 'available' },
] as const)('$why → $want', ({ phones, manual, want }) => {
  expect(derivePresence([...phones], manual)).toBe(want);
});

test.each([
  { why: 'wrapping up beats the choice', phones: [phone('registered')], manual: 'available', want: 'wrap-up' },
  { why: 'wrapping up beats away', phones: [phone('registered')], manual: 'away', want: 'wrap-up' },
  { why: 'ringing beats wrapping up', phones: [phone('registered', 1)], manual: 'available', want: 'ringing' },
  { why: 'on a call beats wrapping up', phones: [phone('registered', 0, 1)], manual: 'available', want: 'on-call' },
  { why: 'offline beats wrapping up', phones: [phone('failed')], manual: 'available', want: 'offline' },
] as const)('in wrap-up: $why → $want', ({ phones, manual, want }) => {
  expect(derivePresence([...phones], manual, true)).toBe(want);
});
