import { parsePresenceChoice } from './presence-choice';

const self = { id: 'staff-alice' };

test.each([
  { body: { state: 'available' }, want: { state: 'available' } },
  { body: { state: 'away', reasonId: 'r1' }, want: { state: 'away', reasonId: 'r1' } },
  { body: { state: 'dnd', staffId: 'staff-alice' }, want: { state: 'dnd' } },
])('accepts $body', ({ body, want }) => {
  expect(parsePresenceChoice(body, self)).toEqual(want);
});

test.each([
  { why: 'on-call without a call', body: { state: 'on-call' }, code: 'FORBIDDEN', path: ['state'] },
  { why: 'wrap-up by hand', body: { state: 'wrap-up' }, code: 'FORBIDDEN', path: ['state'] },
  { why: 'ringing by hand', body: { state: 'ringing' }, code: 'FORBIDDEN', path: ['state'] },
  { why: 'offline by hand', body: { state: 'offline' }, code: 'FORBIDDEN', path: ['state'] },
  { why: "another agent's state", body: { state: 'away', staffId: 'staff-bob' }, code: 'FORBIDDEN', path: ['staffId'] },
  {
    why: 'a reason without away',
    body: { state: 'available', reasonId: 'r1' },
    code: 'INVALID_INPUT',
    path: ['reasonId'],
  },
  { why: 'no such state', body: { state: 'asleep' }, code: 'INVALID_INPUT', path: ['state'] },
  { why: 'no body', body: null, code: 'INVALID_INPUT', path: [] },
  { why: 'an empty reason id', body: { state: 'away', reasonId: '' }, code: 'INVALID_INPUT', path: ['reasonId'] },
])('refuses $why', ({ body, code, path }) => {
  expect(() => parsePresenceChoice(body, self)).toThrow(expect.objectContaining({ code, path }));
});
