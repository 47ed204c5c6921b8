import type { Binding } from '../../common/domain/binding';
import type { RotationState } from '../../common/domain/route-decision';
import type { VirtualNumber } from '../../common/domain/virtual-number';
import type { PresenceState } from '../../common/presence';
import type { CallOffered, CallResolved } from '../../common/calls';
import { alternative, CALLER, standardNumber, staffDest } from '../routing/route-test-kit';
import { openDatabase } from '../storage/database';
import { createCallRepo } from '../storage/call-repo';
import { createInboundCalls } from './inbound-calls';
import type { RouteSource } from '../storage/route-source';

const team = [
  { id: 'ana', name: 'Ana', extension: '1001' },
  { id: 'ben', name: 'Ben', extension: '1002' },
  { id: 'cy', name: 'Cy', extension: '1003' },
];

/** The service over a real (in-memory) call store; routing data held in memory for this module's tests. */
function setUp(
  number: VirtualNumber,
  states: Record<string, PresenceState> = { ana: 'available', ben: 'available', cy: 'available' },
  voicemail = { up: true },
) {
  const db = openDatabase(':memory:');
  db.prepare("INSERT INTO organisations (id, name, created_at) VALUES ('org', 'Org', 0)").run();
  for (const s of team) {
    db.prepare(
      "INSERT INTO staff (id, org_id, name, email, password_hash, role, extension, created_at) VALUES (?, 'org', ?, ?, 'x', 'agent', ?, 0)",
    ).run(s.id, s.name, `${s.id}@x`, s.extension);
  }
  const bindings: Binding[] = [];
  let rotation: RotationState | undefined;
  const source: RouteSource = {
    findNumber: (e164) => (e164 === number.number ? { orgId: 'org', number } : undefined),
    org: () => ({
      staff: team,
      staffById: new Map(team.map((s) => [s.id, s])),
      staffByExtension: new Map(team.map((s) => [s.extension, s])),
      itemTypes: [],
      businessHours: { timeZone: 'Europe/London', windows: [] },
    }),
    callerContacts: () => [],
    bindings: (_org, numberId, caller) => bindings.filter((b) => b.numberId === numberId && b.caller === caller),
    rotation: () => rotation,
    saveRotation: (_id, r) => void (rotation = r),
    saveBinding: (_org, b) => {
      const i = bindings.findIndex((x) => x.kind === b.kind && x.caller === b.caller && x.numberId === b.numberId);
      if (i >= 0) bindings[i] = b;
      else bindings.push(b);
    },
  };
  const offered: [string[], CallOffered][] = [];
  const resolved: [string[], CallResolved][] = [];
  let now = Date.UTC(2026, 10, 23, 12);
  const repo = createCallRepo(db);
  const calls = createInboundCalls({
    source,
    calls: repo,
    presence: { get: (id) => (states[id] ? { state: states[id] } : undefined) },
    publish: {
      offered: (ids, o) => offered.push([ids, o]),
      resolved: (ids, r) => resolved.push([ids, r]),
      updated: () => {},
    },
    targets: { sipDomain: 'sb.test', pstnGateway: '127.0.0.1:5080', voicemailSip: '127.0.0.1:5070' },
    now: () => (now += 1000),
    voicemailUp: () => voicemail.up,
  });
  const route = (attempt = 0, lastCode?: number) =>
    calls.route({ callId: 'c1', from: CALLER, to: number.number, attempt, lastCode });
  return { calls, repo, route, offered, resolved, bindings, states };
}

const twoStep = () =>
  standardNumber({ ...alternative(staffDest('ana'), staffDest('ben')), noAnswer: { failSafeNumber: '+15005550100' } });

test('rings each destination in turn, then the fail-safe number, then gives up as missed', () => {
  const { route, offered } = setUp(twoStep());
  expect(route(0)).toEqual({ action: 'ring', timeout: 20, targets: ['sip:1001@sb.test'] });
  expect(route(1, 408)).toEqual({ action: 'ring', timeout: 20, targets: ['sip:1002@sb.test'] });
  expect(route(2, 486)).toEqual({ action: 'ring', timeout: 60, targets: ['sip:+15005550100@127.0.0.1:5080'] });
  expect(route(3, 408)).toEqual({ action: 'reject', code: 480, reason: 'Temporarily Unavailable' });
  expect(offered.map(([ids, o]) => [ids, o.reason, o.caller.known])).toEqual([
    [['ana'], expect.any(String), false],
    [['ben'], expect.any(String), false],
  ]);
});

test('a call the agent declines is missed as declined by them, not "nobody answered"; the agents rung before learn who', () => {
  const { repo, route, resolved } = setUp(standardNumber(alternative(staffDest('ana'), staffDest('ben'))));
  route(0);
  expect(route(1, 408)).toMatchObject({ targets: ['sip:1002@sb.test'] });
  expect(route(2, 486)).toEqual({ action: 'reject', code: 480, reason: 'Temporarily Unavailable' });
  expect(repo.find('c1')).toMatchObject({ state: 'missed', outcomeReason: 'Declined by Ben' });
  expect(repo.offers('c1').map((o) => [o.staffId, o.declined])).toEqual([
    ['ana', false],
    ['ben', true],
  ]);
  expect(resolved).toEqual([[['ana'], { sipCallId: 'c1', outcome: 'missed', text: 'Missed: declined by Ben' }]]);
});

test('a decline passes the call on: the next destination rings and the decline stays on record', () => {
  const { repo, route } = setUp(twoStep());
  route(0);
  expect(route(1, 486)).toMatchObject({ targets: ['sip:1002@sb.test'] });
  expect(route(2, 408)).toMatchObject({ targets: ['sip:+15005550100@127.0.0.1:5080'] });
  expect(route(3, 486)).toMatchObject({ action: 'reject' });
  // The fail-safe is a phone-network number: its 486 is busy, not a decline.
  expect(repo.find('c1')).toMatchObject({ state: 'missed', outcomeReason: 'Nobody answered' });
  expect(repo.offers('c1').map((o) => [o.staffId, o.declined])).toEqual([
    ['ana', true],
    ['ben', false],
  ]);
});

test('someone who became unavailable while the call rang elsewhere is skipped at their turn', () => {
  const { route, states } = setUp(twoStep());
  expect(route(0)).toMatchObject({ targets: ['sip:1001@sb.test'] });
  states.ben = 'on-call';
  expect(route(1, 408)).toMatchObject({ targets: ['sip:+15005550100@127.0.0.1:5080'] });
});

test('a number nobody holds is refused with 404', () => {
  const { calls } = setUp(twoStep());
  expect(calls.route({ callId: 'x', from: CALLER, to: '+449999999999', attempt: 0 })).toMatchObject({
    action: 'reject',
    code: 404,
  });
});

test('the agent whose phone Kamailio saw answer wins; the others are told who took it, and sticky routing remembers', () => {
  const number = standardNumber({
    rule: {
      kind: 'alternative',
      destinations: [{ destination: { kind: 'group', staffIds: ['ana', 'ben'], pattern: 'simultaneous' } }],
    },
    sticky: { enabled: true, bindingDays: 3, fallbackToDestinations: true },
  });
  const { calls, route, resolved, bindings } = setUp(number);
  expect(route(0)).toMatchObject({ targets: ['sip:1001@sb.test', 'sip:1002@sb.test'] });
  expect(calls.event({ callId: 'c1', event: 'answered', code: 200, ext: '1002' })).toBe('applied');
  expect(calls.event({ callId: 'c1', event: 'answered', code: 200, ext: '1001' })).toBe('refused');
  expect(resolved).toEqual([[['ana'], { sipCallId: 'c1', outcome: 'answered-elsewhere', text: 'Answered by Ben' }]]);
  expect(bindings).toMatchObject([{ kind: 'sticky', staffId: 'ben', caller: CALLER }]);
});

test("the browser's word never makes a call answered: it rang, the page said answered, the caller hung up", () => {
  const { calls, route, resolved } = setUp(twoStep());
  route(0);
  // Not refused (Kamailio has not reported yet), but it records nothing: the call is still ringing.
  expect(calls.answerHint('ana', 'c1')).toBe(true);
  expect(calls.answerHint('nobody-offered', 'c1')).toBe(false);
  expect(calls.event({ callId: 'c1', event: 'cancelled' })).toBe('applied');
  expect(resolved).toEqual([[['ana'], { sipCallId: 'c1', outcome: 'caller-hung-up', text: 'The caller hung up' }]]);
});

test('events that cannot happen in the call state, or for unknown calls, are refused and change nothing', () => {
  const { calls, route } = setUp(twoStep());
  expect(calls.event({ callId: 'nope', event: 'ended', by: 'caller' })).toBe('refused');
  route(0);
  expect(calls.event({ callId: 'c1', event: 'ended', by: 'caller' })).toBe('refused');
  expect(calls.event({ callId: 'c1', event: 'answered', code: 200, ext: '1001' })).toBe('applied');
  expect(calls.event({ callId: 'c1', event: 'cancelled' })).toBe('refused');
  expect(calls.event({ callId: 'c1', event: 'failed', code: 408 })).toBe('refused');
  expect(calls.event({ callId: 'c1', event: 'answered', code: 200, ext: '1002' })).toBe('refused');
  // Once Kamailio said who answered, another agent's hint loses.
  expect(calls.answerHint('ben', 'c1')).toBe(false);
  expect(calls.event({ callId: 'c1', event: 'ended', by: 'callee' })).toBe('applied');
  expect(calls.event({ callId: 'c1', event: 'ended', by: 'callee' })).toBe('unchanged');
});

test("Kamailio's failure after the companion itself ended the call (reject) is consistent, not refused", () => {
  const { calls, route } = setUp(twoStep());
  route(0);
  route(1, 408);
  route(2, 408);
  expect(route(3, 408)).toMatchObject({ action: 'reject' });
  expect(calls.event({ callId: 'c1', event: 'failed', code: 480 })).toBe('unchanged');
});

test('the sweep closes calls Kamailio no longer holds, and leaves live and recent ones alone', () => {
  const { calls } = setUp(twoStep());
  const dial = (callId: string) => calls.route({ callId, from: CALLER, to: twoStep().number, attempt: 0 });
  dial('ringing-lost');
  dial('answered-lost');
  calls.event({ callId: 'answered-lost', event: 'answered', code: 200, ext: '1001' });
  dial('live');
  const before = Date.UTC(2030, 0, 1);
  expect(calls.reconcile(new Set(['live']), before)).toBe(2);
  expect(calls.event({ callId: 'answered-lost', event: 'ended', by: 'caller' })).toBe('unchanged');
  expect(calls.event({ callId: 'live', event: 'cancelled' })).toBe('applied');
  dial('recent');
  expect(calls.reconcile(new Set(), 0)).toBe(0);
});

test('the caller hanging up while ringing tells every agent it rang', () => {
  const { calls, route, resolved } = setUp(twoStep());
  route(0);
  route(1, 408);
  calls.event({ callId: 'c1', event: 'cancelled' });
  expect(resolved).toEqual([
    [['ana', 'ben'], { sipCallId: 'c1', outcome: 'caller-hung-up', text: 'The caller hung up' }],
  ]);
  expect(route(2, 487)).toMatchObject({ action: 'reject' });
});

test('least connected: the agent who took fewer calls in the last 24 hours rings first', () => {
  const number = standardNumber({
    rule: {
      kind: 'alternative',
      destinations: [{ destination: { kind: 'group', staffIds: ['ana', 'ben'], pattern: 'least-connected' } }],
    },
  });
  const { calls } = setUp(number);
  const dial = (callId: string, attempt = 0) => calls.route({ callId, from: CALLER, to: number.number, attempt });
  expect(dial('c1')).toMatchObject({ targets: ['sip:1001@sb.test'] });
  calls.event({ callId: 'c1', event: 'answered', code: 200, ext: '1001' });
  calls.event({ callId: 'c1', event: 'ended', by: 'caller' });
  expect(dial('c2')).toMatchObject({ targets: ['sip:1002@sb.test'] });
  expect(dial('c2', 1)).toMatchObject({ targets: ['sip:1001@sb.test'] });
});

describe('voicemail as the last ring', () => {
  const withVoicemail = (failSafeNumber: string | null) =>
    standardNumber({
      ...alternative(staffDest('ana')),
      voicemail: { enabled: true, greeting: null, autoDelete: 'weekly' },
      noAnswer: { failSafeNumber },
    });

  test("nobody answers: the voicemail service answers in the number's box", () => {
    const number = withVoicemail(null);
    const { route } = setUp(number);
    expect(route(0)).toEqual({ action: 'ring', timeout: 20, targets: ['sip:1001@sb.test'] });
    expect(route(1, 408)).toEqual({ action: 'ring', timeout: 30, targets: [`sip:vm-${number.id}@127.0.0.1:5070`] });
  });

  test('the voicemail service fails to answer: the fail-safe number rings, then the call is missed', () => {
    const { route } = setUp(withVoicemail('+15005550100'));
    route(0);
    expect(route(1, 408).action).toBe('ring');
    expect(route(2, 408)).toEqual({ action: 'ring', timeout: 60, targets: ['sip:+15005550100@127.0.0.1:5080'] });
    expect(route(3, 408)).toMatchObject({ action: 'reject', code: 480 });
  });

  test('a voicemail service known to be down is skipped at once', () => {
    const down = { up: false };
    expect(setUp(withVoicemail('+15005550100'), { ana: 'away' }, down).route(0)).toEqual({
      action: 'ring',
      timeout: 60,
      targets: ['sip:+15005550100@127.0.0.1:5080'],
    });
    expect(setUp(withVoicemail(null), { ana: 'away' }, down).route(0)).toMatchObject({ action: 'reject', code: 480 });
  });
});
