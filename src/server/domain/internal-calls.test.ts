import { openDatabase } from '../storage/database';
import { createRepos } from '../storage/repos';
import { createInternalCalls, internalHistory } from './internal-calls';

function setUp(now = () => 1_700_000_100_000) {
  const repos = createRepos(openDatabase(':memory:'));
  for (const org of ['acme', 'globex'])
    repos.db.prepare('INSERT INTO organisations (id, name, created_at) VALUES (?, ?, 0)').run(org, org);
  const staff = [
    ['ana', 'acme', 'Ana', '1001'],
    ['ben', 'acme', 'Ben', '1002'],
    ['gus', 'globex', 'Gus', '2001'],
  ];
  for (const [id, org, name, ext] of staff) {
    repos.db
      .prepare(
        "INSERT INTO staff (id, org_id, name, email, password_hash, role, extension, created_at) VALUES (?, ?, ?, ?, 'x', 'agent', ?, 0)",
      )
      .run(id, org, name, `${id}@x`, ext);
  }
  const updated: [string, string[]][] = [];
  const calls = createInternalCalls({
    repos,
    now,
    updated: (org, ids) => updated.push([org, ids]),
  });
  return { calls, history: internalHistory(repos), updated };
}

const base = { from: '1001', to: '1002', startedAt: 1_700_000_000 };

test.each([
  [
    'answered, then the callee hung up',
    { outcome: 'ended', answeredAt: 1_700_000_040, by: 'callee' },
    'ended',
    'Callee hung up',
    60,
  ],
  [
    'answered, then the caller hung up',
    { outcome: 'ended', answeredAt: 1_700_000_040, by: 'caller' },
    'ended',
    'Caller hung up',
    60,
  ],
  ['declined', { outcome: 'failed', code: 486 }, 'missed', 'Declined', null],
  ['rang out', { outcome: 'failed', code: 408 }, 'missed', 'No answer', null],
  ['the caller gave up', { outcome: 'cancelled' }, 'missed', 'Caller hung up while ringing', null],
  ['not signed in', { outcome: 'failed', code: 404 }, 'refused', 'Not signed in', null],
] as const)('%s', (_case, report, state, outcomeReason, durationSeconds) => {
  const { calls, history } = setUp();
  expect(calls.record({ callId: 'c1', ...base, ...report })).toBe(true);
  expect(history('acme', 'ben', 10)).toMatchObject([
    { id: 'c1', direction: 'internal', state, outcomeReason, durationSeconds },
  ]);
});

test('each call is recorded once, whoever reports it again; both agents are told', () => {
  const { calls, history, updated } = setUp();
  calls.record({ callId: 'c1', ...base, outcome: 'failed', code: 486 });
  calls.record({ callId: 'c1', ...base, outcome: 'ended', answeredAt: 1_700_000_001, by: 'caller' });
  expect(history('acme', null, 10)).toMatchObject([{ state: 'missed', outcomeReason: 'Declined' }]);
  expect(updated).toEqual([['acme', ['ana', 'ben']]]);
});

test("another organisation's extension is nobody's: the record names no one there, and they never see it", () => {
  const { calls, history } = setUp();
  calls.record({ callId: 'c1', ...base, to: '2001', outcome: 'failed', code: 404 });
  expect(history('acme', 'ana', 10)).toMatchObject([
    {
      internal: { callerId: 'ana', calleeId: null },
      number: { number: '2001', displayName: 'extension 2001' },
      outcomeReason: 'No such extension',
    },
  ]);
  expect(history('globex', null, 10)).toEqual([]);
  expect(history('globex', 'gus', 10)).toEqual([]);
});

test('a caller who is no agent records nothing', () => {
  const { calls, history } = setUp();
  expect(calls.record({ callId: 'c1', ...base, from: '9999', outcome: 'cancelled' })).toBe(false);
  expect(history('acme', null, 10)).toEqual([]);
});

test('two calls started in the same second (Kamailio times them to the second) are listed by when they ended', () => {
  let now = 1_700_000_000_500;
  const { calls, history } = setUp(() => now);
  calls.record({ ...base, callId: 'first', outcome: 'ended', answeredAt: 1_700_000_000, by: 'caller' } as never);
  now = 1_700_000_000_900;
  calls.record({ ...base, callId: 'second', to: '1099', outcome: 'failed', code: 404 } as never);
  expect(history('acme', 'ana', 10).map((c) => c.id)).toEqual(['second', 'first']);
});
