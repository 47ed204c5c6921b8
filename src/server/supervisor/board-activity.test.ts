import { createCallRepo, type CallRepo } from '../storage/call-repo';
import { seedDemo } from '../seed/seed';
import { openDatabase } from '../storage/database';
import { createRepos, type Repos } from '../storage/repos';
import { createBoardActivity, type BoardActivityQuery } from './board-activity';

let repos: Repos;
let calls: CallRepo;
let activity: BoardActivityQuery;
beforeEach(async () => {
  repos = createRepos(openDatabase(':memory:'));
  await seedDemo(repos);
  calls = createCallRepo(repos.db);
  activity = createBoardActivity(repos.db);
});
afterEach(() => repos.db.close());

const DAY = { start: 100_000_000, end: 100_000_000 + 86_400_000 };
const at = (s: number) => DAY.start + s * 1000;
const staff = ['staff-alice', 'staff-bob', 'staff-carol'];
const board = () =>
  Object.fromEntries(activity({ orgId: 'org-demo', staffIds: staff, ...DAY, rev: 1 }).map((a) => [a.staffId, a]));

/** An inbound call to the sales line that rang `rings` (one list of agents per step, in order). */
function inbound(id: string, rings: string[][], startS: number) {
  calls.insert({
    id,
    orgId: 'org-demo',
    numberId: 'num-sales',
    number: '+442079460123',
    caller: '+447911000001',
    callerName: null,
    state: 'ringing',
    plan: { rings: [], onNoAnswer: { kind: 'missed' } } as never,
    summary: '',
    outcomeReason: null,
    startedAt: at(startS),
  });
  rings.forEach((who, step) => {
    calls.advance(id, step + 1);
    calls.addOffers(
      id,
      who.map((staffId) => ({ staffId, step, reason: 'test', offeredAt: at(startS + step) })),
    );
  });
}

test("today's counts: answered, missed (not when a colleague rung at the same time answered), talk time of ended calls", () => {
  // Alice and Bob rung together, Alice answers and talks 60 s: Bob did not miss it.
  inbound('c1', [['staff-alice', 'staff-bob']], 10);
  calls.claimAnswer('c1', 'staff-alice', at(12));
  calls.transition('c1', ['answered'], 'ended', at(72));
  // Carol rung first, then Bob, who answers: Carol missed it.
  inbound('c2', [['staff-carol'], ['staff-bob']], 100);
  calls.claimAnswer('c2', 'staff-bob', at(103));
  // Nobody answered Alice's: missed.
  inbound('c3', [['staff-alice']], 200);
  calls.transition('c3', ['ringing'], 'missed', at(220));
  // Yesterday's call counts for nothing today.
  inbound('c0', [['staff-alice']], -5000);
  calls.claimAnswer('c0', 'staff-alice', at(-4990));
  calls.transition('c0', ['answered'], 'ended', at(-4900));
  const b = board();
  expect(b['staff-alice']!.today).toEqual({ answered: 1, missed: 1, talkSeconds: 60 });
  expect(b['staff-bob']!.today).toEqual({ answered: 1, missed: 0, talkSeconds: 0 });
  expect(b['staff-carol']!.today).toEqual({ answered: 0, missed: 1, talkSeconds: 0 });
  // Bob is still talking on c2 (call waiting would show the talking one first).
  expect(b['staff-bob']!.call).toMatchObject({
    id: 'c2',
    direction: 'inbound',
    status: 'talking',
    party: { number: '+447911000001' },
  });
  expect(b['staff-bob']!.call?.number).toMatchObject({ id: 'num-sales' });
  expect(b['staff-alice']!.call).toBeNull();
});

test('a call ringing an agent now is their current call, and not yet missed', () => {
  inbound('c4', [['staff-alice'], ['staff-carol']], 10);
  const b = board();
  expect(b['staff-carol']!.call).toMatchObject({ id: 'c4', status: 'ringing' });
  expect(b['staff-carol']!.today.missed).toBe(0);
  expect(b['staff-alice']!.call).toBeNull();
  expect(b['staff-alice']!.today.missed).toBe(1);
});

test('one agent alone reads the same as in the whole board', () => {
  inbound('c5', [['staff-alice', 'staff-bob']], 10);
  calls.claimAnswer('c5', 'staff-bob', at(11));
  const all = board();
  for (const id of staff)
    expect(activity({ orgId: 'org-demo', staffIds: [id], only: id, ...DAY, rev: 1 })).toEqual([all[id]]);
});

test("a call between extensions is on both agents' rows: out to the callee, in from the caller, talking once answered", () => {
  const call = {
    id: 'int-1',
    orgId: 'org-demo',
    caller: { id: 'staff-alice', name: 'Alice Agent', extension: '1001' },
    callee: { id: 'staff-bob', name: 'Bob Agent', extension: '1002' },
    startedAt: at(5),
    answeredAt: null as number | null,
  };
  activity = createBoardActivity(repos.db, (orgId) => (orgId === 'org-demo' ? [call] : []));
  expect(board()['staff-alice']?.call).toEqual({
    id: 'int-1',
    direction: 'outbound',
    status: 'ringing',
    party: { number: '1002', name: 'Bob Agent', staffId: 'staff-bob' },
    number: null,
    startedAt: at(5),
    answeredAt: null,
  });
  call.answeredAt = at(8);
  expect(board()['staff-bob']?.call).toMatchObject({
    direction: 'inbound',
    status: 'talking',
    party: { number: '1001', name: 'Alice Agent', staffId: 'staff-alice' },
    answeredAt: at(8),
  });
  expect(board()['staff-carol']?.call).toBeNull();
  const one = activity({ orgId: 'org-demo', staffIds: ['staff-bob'], only: 'staff-bob', ...DAY, rev: 2 });
  expect(one[0]?.call?.party.staffId).toBe('staff-alice');
});
