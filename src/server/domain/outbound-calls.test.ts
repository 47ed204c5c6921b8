import { openDatabase } from '../storage/database';
import { createRepos } from '../storage/repos';
import { seedDemo } from '../seed/seed';
import { createOutboundCalls, sipSafeText } from './outbound-calls';

const DAY = 86_400_000;

async function world() {
  const repos = createRepos(openDatabase(':memory:'));
  await seedDemo(repos);
  const clock = { now: Date.UTC(2026, 5, 1, 10) };
  const outbound = createOutboundCalls({ repos, now: () => clock.now, gateways: ['gw1.test:5080', 'gw2.test:5080'] });
  return { repos, clock, outbound };
}

test.each([
  ['Alice "The Closer"', 'Alice The Closer'],
  ['Eve\r\nP-Asserted-Identity: <sip:+442079460001@x>', 'Eve P-Asserted-Identity: sip:+442079460001@x'],
  ['Bob \\ <Agent>', 'Bob Agent'],
])('a display name cannot break out of its quotes or its line: %j', (name, safe) => {
  expect(sipSafeText(name)).toBe(safe);
});

test('allowed: the number to assert, the agent’s name, the callee at every gateway in order; recorded as ringing', async () => {
  const { outbound, repos } = await world();
  const answer = outbound.authorise({
    callId: 'c1',
    agent: '1001',
    callee: '07911 123499'.replace(' ', ''),
    callerId: '+442071234567',
    engagement: '',
  });
  expect(answer).toEqual({
    action: 'allow',
    callerId: '+442071234567',
    displayName: 'Alice Agent',
    targets: ['sip:+447911123499@gw1.test:5080', 'sip:+447911123499@gw2.test:5080'],
  });
  expect(repos.outboundCalls.find('c1')).toMatchObject({
    state: 'ringing',
    numberId: 'num-sales',
    callee: '+447911123499',
    engagement: false,
  });
});

test('an unknown agent, a number that is not one, and a refused caller ID are refused and recorded', async () => {
  const { outbound, repos } = await world();
  expect(
    outbound.authorise({ callId: 'x', agent: '9999', callee: '+447911123499', callerId: '', engagement: '' }),
  ).toMatchObject({ action: 'reject', code: 403 });
  expect(
    outbound.authorise({ callId: 'c2', agent: '1001', callee: '0123', callerId: '', engagement: '' }),
  ).toMatchObject({ action: 'reject', code: 484 });
  expect(
    outbound.authorise({
      callId: 'c3',
      agent: '1004',
      callee: '+447911123499',
      callerId: '+442071234567',
      engagement: '',
    }),
  ).toEqual({
    action: 'reject',
    code: 403,
    reason: 'You may not present +44 20 7123 4567 as your caller ID',
  });
  expect(repos.outboundCalls.find('c3')).toMatchObject({
    state: 'refused',
    outcomeReason: 'You may not present +44 20 7123 4567 as your caller ID',
  });
});

test('an answered engagement call binds the customer for the number’s binding days; a busy one does not', async () => {
  const { outbound, repos, clock } = await world();
  outbound.authorise({
    callId: 'e1',
    agent: '1001',
    callee: '+447911123499',
    callerId: '+442071234567',
    engagement: '1',
  });
  outbound.authorise({
    callId: 'e2',
    agent: '1001',
    callee: '+447911123498',
    callerId: '+442071234567',
    engagement: '1',
  });
  clock.now += 5000;
  expect(outbound.event({ callId: 'e1', event: 'answered', code: 200 })).toBe(true);
  expect(outbound.event({ callId: 'e2', event: 'failed', code: 486 })).toBe(true);
  const bindings = repos.bindings
    .listForStaff('org-demo', 'staff-alice', clock.now)
    .filter((b) => b.kind === 'engagement');
  expect(bindings.map((b) => [b.caller, b.expiresAt - clock.now])).toContainEqual(['+447911123499', 14 * DAY]);
  expect(bindings.map((b) => b.caller)).not.toContain('+447911123498');
  expect(repos.outboundCalls.find('e2')).toMatchObject({ state: 'missed', outcomeReason: 'Busy' });
  clock.now += 60_000;
  outbound.event({ callId: 'e1', event: 'ended', by: 'callee' });
  expect(repos.outboundCalls.find('e1')).toMatchObject({ state: 'ended', outcomeReason: 'Customer hung up' });
  expect(outbound.event({ callId: 'not-outbound', event: 'ended' })).toBe(false);
});
