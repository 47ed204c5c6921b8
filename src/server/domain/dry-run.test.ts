import type { PresenceState } from '../../common/presence';
import type { HealthIssue } from '../../common/presence-health';
import { planFromDecision } from './call-plan';
import { createInboundCalls } from './inbound-calls';
import { repoRouteSource } from '../storage/repo-route-source';
import { seedDemo } from '../seed/seed';
import { openDatabase } from '../storage/database';
import { createRepos, type Repos } from '../storage/repos';
import { dryRun } from './dry-run';

// "Who would ring?" and the real decision, asked about the same call on the same state (a real in-memory
// database with the demo organisation): they must agree, including on what only past and current calls tell.
const NOW = Date.parse('2025-06-04T10:00:00Z'); // a Wednesday, in the demo's business hours
const ORG = 'org-demo';
const CALLER = '+447400123499';
const supervisor = { id: 'staff-super', orgId: ORG, name: 'Sam Supervisor', role: 'supervisor' as const };

let repos: Repos;
beforeEach(async () => {
  repos = createRepos(openDatabase(':memory:'));
  await seedDemo(repos);
});
afterEach(() => repos.db.close());

const everyone = (): Record<string, PresenceState> =>
  Object.fromEntries(repos.staff.listByOrg(ORG).map((s) => [s.id, 'available' as const]));

function callOn(numberId: string, id: string, startedAt: number) {
  const number = repos.numbers.find(ORG, numberId)!;
  repos.calls.insert({
    id,
    orgId: ORG,
    numberId,
    number: number.number,
    caller: '+447400100000',
    callerName: null,
    state: 'ringing',
    plan: { rings: [], onNoAnswer: { kind: 'missed', reason: 'Nobody answered' } },
    summary: 'an earlier call',
    outcomeReason: null,
    startedAt,
  });
}

type Live = { staffId: string; state: PresenceState; issues?: HealthIssue[] };

/**
 * The dry run's answer and the real decision (the inbound-call service, as Kamailio asks it) for one call: with
 * `presence` given as the dry run's "what if", or with `live` as the organisation's live presence.
 */
function both(numberId: string, presence = everyone(), live: Live[] = []) {
  const deps = { repos, now: () => NOW, presenceOf: () => live };
  const dry = dryRun(deps, supervisor, { numberId, caller: CALLER, ...(live.length === 0 && { presence }) });
  const inbound = createInboundCalls({
    source: repoRouteSource(repos, () => NOW),
    calls: repos.calls,
    presence: {
      get: (id) => {
        const agent = live.find((p) => p.staffId === id);
        if (live.length) return agent && { state: agent.state, issues: agent.issues };
        return presence[id] ? { state: presence[id] } : undefined;
      },
    },
    publish: { offered: () => {}, resolved: () => {}, updated: () => {} },
    targets: { sipDomain: 'sb.test', pstnGateway: '127.0.0.2:5080', voicemailSip: '127.0.0.1:5070' },
    now: () => NOW,
  });
  const number = repos.numbers.find(ORG, numberId)!;
  const answer = inbound.route({ callId: 'the-call', from: CALLER, to: number.number, attempt: 0 });
  const real = repos.calls.find('the-call')!;
  return { dry, answer, real };
}

test('a least-connected group: both ring the agent who answered fewest calls in the last 24 hours', () => {
  const sales = repos.numbers.find(ORG, 'num-sales')!;
  if (sales.kind !== 'standard') throw new Error('num-sales is a standard number');
  const group = { kind: 'group', pattern: 'least-connected', staffIds: ['staff-alice', 'staff-bob', 'staff-carol'] };
  const routing = {
    ...sales.routing,
    rule: { kind: 'alternative', destinations: [{ destination: group, ringTimeoutSeconds: 20 }] },
    sticky: { ...sales.routing.sticky, enabled: false },
    engagement: { ...sales.routing.engagement, enabled: false },
  } as typeof sales.routing;
  repos.numbers.setSettings(ORG, 'num-sales', { kind: 'standard', routing }, { by: 'staff-admin', at: NOW });
  // Alice answered two calls this morning, Carol one, Bob none (and one of Bob's is two days old).
  const answered = [
    ['a1', 'staff-alice'],
    ['a2', 'staff-alice'],
    ['c1', 'staff-carol'],
    ['old', 'staff-bob'],
  ];
  for (const [id, staffId] of answered) {
    const at = id === 'old' ? NOW - 2 * 86_400_000 : NOW - 3_600_000;
    callOn('num-hours', id!, at);
    repos.calls.claimAnswer(id!, staffId!, at);
    repos.calls.transition(id!, ['answered'], 'ended', at + 60_000);
  }

  const { dry, answer, real } = both('num-sales');
  expect(answer).toMatchObject({ action: 'ring', targets: ['sip:1002@sb.test'] });
  expect(dry.decision.steps[0]?.targets.map((t) => (t.kind === 'staff' ? t.staffId : t.kind))).toEqual([
    'staff-bob',
    'staff-carol',
    'staff-alice',
  ]);
  expect(dry.decision.summary).toBe(real.summary);
  expect(planFromDecision(dry.decision)).toEqual(real.plan);
});

test.each([
  { active: 49, kind: 'ring', answer: { action: 'ring' } },
  { active: 50, kind: 'refuse', answer: { action: 'reject', code: 486 } },
])('the company number with $active calls in progress: both $kind', ({ active, kind, answer: expected }) => {
  for (let i = 0; i < active; i++) callOn('num-company', `busy-${i}`, NOW - 1000);
  const { dry, answer, real } = both('num-company');
  expect(answer).toMatchObject(expected);
  expect(dry.decision.kind === 'refuse' ? 'refuse' : 'ring').toBe(kind);
  expect(dry.decision.summary).toBe(real.summary);
});

test('an agent whose phone has no microphone: both skip them and name the reason', () => {
  const live: Live[] = repos.staff.listByOrg(ORG).map((s) => ({ staffId: s.id, state: 'available' }));
  const alice = live.find((p) => p.staffId === 'staff-alice')!;
  Object.assign(alice, { state: 'offline', issues: ['no-microphone'] });
  const { dry, answer, real } = both('num-sales', undefined, live);
  expect(answer).toMatchObject({ action: 'ring', targets: ['sip:1002@sb.test'] });
  expect(dry.decision.skipped).toEqual([
    { staffId: 'staff-alice', reason: 'Alice Agent is not routable: no microphone' },
  ]);
  expect(dry.decision.summary).toContain('Skipped: Alice Agent is not routable: no microphone.');
  expect(dry.decision.summary).toBe(real.summary);
  // "What if Alice were offline": the assumed state replaces her live one, health included.
  const whatIf = dryRun({ repos, now: () => NOW, presenceOf: () => live }, supervisor, {
    numberId: 'num-sales',
    caller: CALLER,
    presence: { 'staff-alice': 'offline' },
  });
  expect(whatIf.decision.skipped).toEqual([{ staffId: 'staff-alice', reason: 'Alice Agent is offline' }]);
});
