import { dryRunResponseSchema } from '../../src/common/api/routing';
import { apiAs, type Api } from '../support/api-client';
import { signIn, startSeededCompanion, type Harness, type TestFeed } from '../support/companion-harness';
import { routableAgent } from '../support/registration';

let h: Harness;
let admin: Api;
let supervisor: Api;
let agent: Api;
beforeAll(async () => {
  h = await startSeededCompanion();
  admin = apiAs(h, await signIn(h, 'admin@acme.test'));
  supervisor = apiAs(h, await signIn(h, 'supervisor@acme.test'));
  agent = apiAs(h, await signIn(h, 'bob@acme.test'));
});
afterAll(() => h.stop());

const agents = ['staff-alice', 'staff-bob', 'staff-carol', 'staff-dave', 'staff-super'];
const everyone = (patch: Record<string, string> = {}) => ({
  ...Object.fromEntries(agents.map((id) => [id, 'available'])),
  ...patch,
});
const UNKNOWN = '+447400123459';
/** Wednesday 4 June 2025, 11:00 in London. */
const WED_11 = '2025-06-04T10:00:00Z';

/** Each step as `a+b` (together) or `a>b` (in turn), then the no-answer outcome. */
function plan(body: unknown): string[] {
  const { decision } = dryRunResponseSchema.parse(body);
  if (decision.kind === 'refuse') return [`refuse:${decision.refuseReason}`];
  const steps = decision.steps.map((s) =>
    s.targets
      .map((t) => (t.kind === 'staff' ? t.staffId.replace('staff-', '') : t.number))
      .join(s.mode === 'simultaneous' ? '+' : '>'),
  );
  return [
    ...steps,
    `→ ${decision.onNoAnswer.kind === 'external' ? decision.onNoAnswer.number : decision.onNoAnswer.kind}`,
  ];
}

test.each([
  {
    why: 'sticky caller goes to the bound agent first, then the alternative destinations',
    body: { numberId: 'num-sales', caller: '+447400123456', presence: everyone() },
    plan: ['bob', 'alice', 'carol', '+442079460123', '→ +442079460999'],
    summary: /^Sticky routing to Bob Agent/,
  },
  {
    why: 'alternative routing skips an agent on do-not-disturb and says so',
    body: { numberId: 'num-sales', caller: UNKNOWN, at: WED_11, presence: everyone({ 'staff-alice': 'dnd' }) },
    plan: ['bob>carol', '+442079460123', '→ +442079460999'],
    summary: /Skipped: Alice Agent is on do-not-disturb/,
  },
  {
    why: 'time routing on Saturday morning: the Saturday window',
    body: { numberId: 'num-hours', caller: UNKNOWN, at: '2025-06-07T09:30:00Z', presence: everyone() },
    plan: ['dave', '→ missed'],
    summary: /^Time routing: saturday window/,
  },
  {
    why: 'time routing on a weekday: the office-hours group, one after the other',
    body: { numberId: 'num-hours', caller: UNKNOWN, at: WED_11, presence: everyone() },
    plan: ['alice>bob>carol>dave', '→ missed'],
    summary: /office hours window/,
  },
  {
    why: 'time routing on Sunday: the fallback',
    body: { numberId: 'num-hours', caller: UNKNOWN, at: '2025-06-08T12:00:00Z', presence: everyone() },
    plan: ['+442079460999', '→ missed'],
    summary: /outside every window/,
  },
  {
    why: 'engagement binding with fallback on, bound agent away: the destination, then voicemail',
    body: { numberId: 'num-bookings', caller: '+447400123457', presence: everyone({ 'staff-carol': 'away' }) },
    plan: ['→ voicemail'],
    summary: /^Engagement: Carol Agent is unavailable, falling back/,
  },
  {
    why: 'company number, duplicate phone with different agents: the newest contact’s agent',
    body: { numberId: 'num-company', caller: '+447911123458', at: WED_11, presence: everyone() },
    plan: ['dave', '→ missed'],
    summary: /Known contact, rings primary agent Dave Agent/,
    logContactIds: ['contact-ortiz'],
  },
  {
    why: 'company number, duplicate phone with the same agent: logged on both contacts',
    body: { numberId: 'num-company', caller: '+447911123457', at: WED_11, presence: everyone() },
    plan: ['bob', '→ missed'],
    summary: /Known contact, rings primary agent Bob Agent/,
    logContactIds: ['contact-tom', 'contact-tom-office'],
  },
  {
    why: 'company number, unknown caller in weekday hours: the blast rule, unavailable agents left out',
    body: { numberId: 'num-company', caller: UNKNOWN, at: WED_11, presence: everyone({ 'staff-bob': 'on-call' }) },
    plan: ['alice+carol', '→ missed'],
    summary: /Unknown caller, blast rule 'Weekday blast'/,
  },
  {
    why: 'main number in business hours: hunt group together, then reception',
    body: { numberId: 'num-main', caller: UNKNOWN, at: WED_11, presence: everyone() },
    plan: ['alice+bob+carol', 'super', '→ missed'],
    summary: /^Main number, in hours/,
  },
  {
    why: 'main number out of hours: the late hunt group, then voicemail',
    body: { numberId: 'num-main', caller: UNKNOWN, at: '2025-06-04T21:00:00Z', presence: everyone() },
    plan: ['dave', '→ voicemail'],
    summary: /^Main number, out of hours/,
  },
])('$why', async ({ body, plan: expected, summary, logContactIds }) => {
  const res = await admin.post('/api/routing/dry-run', body);
  expect(res.status).toBe(200);
  expect(plan(res.body)).toEqual(expected);
  expect(res.body.decision.summary).toMatch(summary);
  if (logContactIds) expect([...res.body.decision.logContactIds].sort()).toEqual(logContactIds);
});

test('the demo caller in the reserved drama range (+44 7700 900123) is a caller a dry run accepts', async () => {
  const res = await supervisor.post('/api/routing/dry-run', {
    numberId: 'num-sales',
    caller: '+44 7700 900123',
    presence: everyone(),
  });
  expect(res.status).toBe(200);
  expect(dryRunResponseSchema.parse(res.body).caller).toBe('+447700900123');
});

test('a dry run does not advance percentage routing: asking twice gives the same pick', async () => {
  const body = { numberId: 'num-support', caller: UNKNOWN, presence: everyone() };
  const first = await supervisor.post('/api/routing/dry-run', body);
  const second = await supervisor.post('/api/routing/dry-run', body);
  expect(first.status).toBe(200);
  expect(first.body.decision.summary).toMatch(/^Percentage routing picked destination 1/);
  expect(second.body.decision).toEqual(first.body.decision);
});

describe('live presence', () => {
  let feed: TestFeed | undefined;
  afterEach(() => feed?.disconnect());

  test('without a what-if, the agents’ live presence decides', async () => {
    const before = await admin.post('/api/routing/dry-run', { numberId: 'num-sales', caller: UNKNOWN });
    expect(plan(before.body)).toEqual(['+442079460123', '→ +442079460999']);
    expect(before.body.decision.summary).toMatch(/Alice Agent is offline/);

    feed = await routableAgent(h, 'alice@acme.test');
    const after = await admin.post('/api/routing/dry-run', { numberId: 'num-sales', caller: UNKNOWN });
    expect(plan(after.body)).toEqual(['alice', '+442079460123', '→ +442079460999']);
  });
});

test.each([
  {
    why: 'a caller that is not a phone number',
    body: { numberId: 'num-sales', caller: 'anonymous' },
    path: ['caller'],
  },
  {
    why: 'a time that is not ISO 8601',
    body: { numberId: 'num-sales', caller: UNKNOWN, at: 'next tuesday' },
    path: ['at'],
  },
  {
    why: 'a made-up presence state',
    body: { numberId: 'num-sales', caller: UNKNOWN, presence: { 'staff-alice': 'sleeping' } },
    path: ['presence', 'staff-alice'],
  },
])('$why: 400 naming the field', async ({ body, path }) => {
  const res = await admin.post('/api/routing/dry-run', body);
  expect(res.status).toBe(400);
  expect(res.body.error).toMatchObject({ code: 'INVALID_INPUT', path });
});

test('agents may not dry-run (it shows everyone’s presence)', async () => {
  const res = await agent.post('/api/routing/dry-run', { numberId: 'num-sales', caller: UNKNOWN });
  expect(res.status).toBe(403);
});
