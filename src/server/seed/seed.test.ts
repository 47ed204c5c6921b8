import { repoRouteSource } from '../storage/repo-route-source';
import { buildRouteInput } from '../domain/routing-input';
import { decideRoute } from '../routing/decide-route';
import { openDatabase } from '../storage/database';
import { createRepos, type Repos } from '../storage/repos';
import { seedDemo } from './seed';

let repos: Repos;
beforeAll(async () => {
  repos = createRepos(openDatabase(':memory:'));
  expect(await seedDemo(repos)).toBe(true);
});
afterAll(() => repos.db.close());

const everyoneAvailable = () =>
  Object.fromEntries(repos.staff.listByOrg('org-demo').map((s) => [s.id, 'available' as const]));

test('seeding twice does nothing the second time', async () => {
  expect(await seedDemo(repos)).toBe(false);
});

test('the demo shows every routing kind, dial pattern and number kind', () => {
  const numbers = repos.numbers.list('org-demo');
  const json = JSON.stringify(numbers);
  expect(new Set(numbers.map((n) => n.kind))).toEqual(new Set(['standard', 'company', 'main']));
  expect(numbers.some((n) => n.type === 'toll-free')).toBe(true);
  for (const kind of ['"alternative"', '"percentage"', '"time"']) expect(json).toContain(`"kind":${kind}`);
  for (const pattern of ['simultaneous', 'round-robin', 'sequential', 'least-connected'])
    expect(json).toContain(`"pattern":"${pattern}"`);
  expect(json).toContain('"dialExtension":"204"');
  const standard = numbers.flatMap((n) => (n.kind === 'standard' ? [n.routing] : []));
  expect(standard.some((r) => r.voicemail.enabled)).toBe(true);
  const bindings = standard.flatMap((r) => [r.sticky, r.engagement]).filter((b) => b.enabled);
  expect(new Set(bindings.map((b) => b.fallbackToDestinations))).toEqual(new Set([true, false]));
  const main = numbers.find((n) => n.kind === 'main');
  expect(main?.kind === 'main' && main.main.state).toBe('active');
});

test.each([
  {
    numberId: 'num-sales',
    caller: '+447400123456',
    at: '2025-06-04T10:00:00Z',
    summary: /^Sticky routing to Bob Agent/,
  },
  {
    numberId: 'num-hours',
    caller: '+447400123459',
    at: '2025-06-07T10:30:00Z',
    summary: /^Time routing: saturday window/,
  },
  {
    numberId: 'num-company',
    caller: '+447911123458',
    at: '2025-06-04T10:00:00Z',
    summary: /^Known contact, rings primary agent Dave Agent/,
  },
  {
    numberId: 'num-company',
    caller: '+447400123459',
    at: '2025-06-04T18:00:00Z',
    summary: /Unknown caller, number rule 'Evening bridge'/,
  },
  { numberId: 'num-main', caller: '+447400123459', at: '2025-06-04T10:00:00Z', summary: /^Main number, in hours/ },
])('$numberId from $caller at $at: $summary', ({ numberId, caller, at, summary }) => {
  const number = repos.numbers.find('org-demo', numberId)!;
  const reads = { source: repoRouteSource(repos, () => Date.parse(at)), calls: repos.calls };
  const question = { orgId: 'org-demo', number, caller, presence: everyoneAvailable(), at: Date.parse(at) };
  const decision = decideRoute(buildRouteInput(reads, question));
  expect(decision.summary).toMatch(summary);
});
