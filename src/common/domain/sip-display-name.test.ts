import { personNameProblem, sipDisplayName } from './sip-display-name';

test.each([
  { name: 'Ada Admin', ok: true },
  { name: 'Zoë Ó Briain-Smith', ok: true },
  { name: 'Eve "the boss"', ok: false },
  { name: 'Eve\r\nX-Injected: yes', ok: false },
  { name: 'Eve\\', ok: false },
  { name: 'Eve <sip:evil@x>', ok: false },
  { name: 'Eve\u2028', ok: false },
])('the API accepts $name: $ok', ({ name, ok }) => {
  expect(personNameProblem(name) === undefined).toBe(ok);
});

test.each([
  { name: 'Ada Admin', sip: 'Ada Admin' },
  { name: 'Eve "the boss"', sip: "Eve 'the boss'" },
  { name: 'Eve\r\nX-Injected: yes', sip: 'Eve X-Injected: yes' },
  { name: 'back\\slash', sip: 'back/slash' },
  { name: 'Eve <sip:1@x>', sip: 'Eve (sip:1@x)' },
])('escaped for SIP: $name', ({ name, sip }) => {
  const escaped = sipDisplayName(name);
  expect(escaped).toBe(sip);
  expect(escaped).not.toMatch(/[\r\n]/);
  expect(escaped).not.toMatch(/["\\<>]/);
});
