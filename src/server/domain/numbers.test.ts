import { openDatabase } from '../storage/database';
import { createRepos, type Repos } from '../storage/repos';
import { seedDemo } from '../seed/seed';
import type { Actor } from './actor';
import { updateBasicInfo, updateRouting } from './numbers';

let repos: Repos;
beforeEach(async () => {
  repos = createRepos(openDatabase(':memory:'));
  await seedDemo(repos);
});
afterEach(() => repos.db.close());

const admin: Actor = { id: 'staff-admin', orgId: 'org-demo', name: 'Ada Admin', role: 'admin' };
const routing = {
  rule: { kind: 'alternative', destinations: [{ destination: { kind: 'staff', staffId: 'staff-bob' } }] },
};

test('a change whose log entry cannot be written leaves the number as it was', () => {
  const failing = {
    ...repos,
    changes: {
      ...repos.changes,
      record: () => {
        throw new Error('disk full');
      },
    },
  };
  const before = repos.numbers.find('org-demo', 'num-sales');
  expect(() => updateRouting({ repos: failing, now: () => 1 }, admin, 'num-sales', routing)).toThrow('disk full');
  expect(() => updateBasicInfo({ repos: failing, now: () => 1 }, admin, 'num-sales', { displayName: 'x' })).toThrow(
    'disk full',
  );
  expect(repos.numbers.find('org-demo', 'num-sales')).toEqual(before);
});

test('new routing settings restart the rotation counters', () => {
  repos.rotation.save('num-sales', { roundRobin: { 'staff-bob,staff-carol': 1 } }, 0);
  updateRouting({ repos, now: () => 5 }, admin, 'num-sales', routing);
  expect(repos.rotation.get('num-sales')).toBeUndefined();
  const stored = repos.numbers.find('org-demo', 'num-sales')!;
  expect(stored).toMatchObject({ updatedAt: 5, updatedBy: 'Ada Admin' });
});

test('a non-admin is refused even if a route forgot to check', () => {
  expect(() => updateRouting({ repos, now: () => 1 }, { ...admin, role: 'supervisor' }, 'num-sales', routing)).toThrow(
    /Only admins/,
  );
});

test('storage refuses settings the shared schema refuses', () => {
  const bad = {
    kind: 'standard' as const,
    routing: {
      ...repos.numbers.find('org-demo', 'num-sales')!,
      rule: { kind: 'percentage', destinations: [] },
    } as never,
  };
  expect(() => repos.numbers.setSettings('org-demo', 'num-sales', bad, { by: 'staff-admin', at: 1 })).toThrow();
});
