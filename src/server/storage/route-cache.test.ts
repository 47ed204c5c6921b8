import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { seedDemo } from '../seed/seed';
import { openDatabase } from './database';
import { createRepos, type Repos } from './repos';
import { cachedRouteSource } from './route-cache';
import type { RouteSource } from './route-source';

const ORG = 'org-demo';
const STAMP = { by: 'staff-admin', at: 5 };
let repos: Repos;
let cache: RouteSource;
let sales: string;
let reads: { numbers: number; orgs: number };

async function open(path = ':memory:') {
  repos = createRepos(openDatabase(path));
  await seedDemo(repos);
  repos.orgs.insert({ id: 'org-b', name: 'B' });
  sales = repos.numbers.find(ORG, 'num-sales')!.number;
  reads = { numbers: 0, orgs: 0 };
  const findByE164 = repos.numbers.findByE164.bind(repos.numbers);
  const listByOrg = repos.staff.listByOrg.bind(repos.staff);
  repos.numbers.findByE164 = (e164) => (reads.numbers++, findByE164(e164));
  repos.staff.listByOrg = (orgId) => (reads.orgs++, listByOrg(orgId));
  cache = cachedRouteSource(repos, () => 0);
}

/** Asks for the number and the organisation once (filling the cache) and counts the reads of a second ask. */
function rereads(): { numbers: number; orgs: number } {
  cache.findNumber(sales);
  cache.org(ORG);
  const before = { ...reads };
  cache.findNumber(sales);
  cache.org(ORG);
  return { numbers: reads.numbers - before.numbers, orgs: reads.orgs - before.orgs };
}

describe('in one companion', () => {
  beforeEach(() => open());
  afterEach(() => repos.db.close());

  test('a second call to the same number is answered from memory', () => {
    expect(rereads()).toEqual({ numbers: 0, orgs: 0 });
  });

  test.each<{ why: string; write: () => void; after: { numbers: number; orgs: number } }>([
    {
      why: "the number's display name",
      write: () => void repos.numbers.setDisplayName(ORG, 'num-sales', 'Sales line', STAMP),
      after: { numbers: 1, orgs: 0 },
    },
    {
      why: "the number's routing settings",
      write: () => {
        const n = repos.numbers.find(ORG, 'num-sales')!;
        if (n.kind !== 'standard') throw new Error('num-sales is a standard number');
        repos.numbers.setSettings(ORG, n.id, { kind: 'standard', routing: n.routing }, STAMP);
      },
      after: { numbers: 1, orgs: 0 },
    },
    {
      why: 'a new staff member',
      write: () =>
        repos.staff.insert({
          id: 'staff-new',
          orgId: ORG,
          name: 'New',
          email: 'new@acme.test',
          role: 'agent',
          extension: '1099',
          passwordHash: 'x',
        }),
      after: { numbers: 0, orgs: 1 },
    },
    {
      why: "a staff member's extension",
      write: () => void repos.staff.update(ORG, 'staff-bob', { extension: '1098' }),
      after: { numbers: 0, orgs: 1 },
    },
    {
      why: "a staff member's name",
      write: () => void repos.staff.update(ORG, 'staff-bob', { name: 'Robert' }),
      after: { numbers: 0, orgs: 1 },
    },
    {
      why: 'a contact item type',
      write: () => repos.itemTypes.insert(ORG, { id: 'type-new', name: 'Boat', orderBy: 9 }),
      after: { numbers: 0, orgs: 1 },
    },
    {
      why: 'business hours',
      write: () => {
        const { businessHours } = repos.orgSettings.businessHours(ORG);
        repos.orgSettings.setBusinessHours(ORG, businessHours, STAMP);
      },
      after: { numbers: 0, orgs: 1 },
    },
    {
      why: 'an agent choosing Away (presence is read live, never cached)',
      write: () => repos.staff.setManualPresence('staff-bob', 'away'),
      after: { numbers: 0, orgs: 0 },
    },
    {
      why: "another organisation's staff",
      write: () =>
        repos.staff.insert({
          id: 'b-agent',
          orgId: 'org-b',
          name: 'B',
          email: 'b@b.test',
          role: 'agent',
          extension: null,
          passwordHash: 'x',
        }),
      after: { numbers: 0, orgs: 0 },
    },
  ])('after a write of $why, the next call reads what changed afresh', ({ write, after }) => {
    cache.findNumber(sales);
    cache.org(ORG);
    write();
    const before = { ...reads };
    cache.findNumber(sales);
    cache.org(ORG);
    expect({ numbers: reads.numbers - before.numbers, orgs: reads.orgs - before.orgs }).toEqual(after);
    expect(rereads()).toEqual({ numbers: 0, orgs: 0 });
  });

  test('what the cache answers after a write is the new data', () => {
    expect(cache.org(ORG).staffById.get('staff-bob')?.extension).not.toBe('1098');
    repos.staff.update(ORG, 'staff-bob', { extension: '1098' });
    expect(cache.org(ORG).staffById.get('staff-bob')?.extension).toBe('1098');
    expect(cache.org(ORG).staffByExtension.get('1098')?.id).toBe('staff-bob');
    repos.numbers.setDisplayName(ORG, 'num-sales', 'Sales line', STAMP);
    expect(cache.findNumber(sales)?.number.displayName).toBe('Sales line');
  });

  test('a number not in service is not remembered: once added, it is found', () => {
    expect(cache.findNumber('+442071239999')).toBeUndefined();
    const n = repos.numbers.find(ORG, 'num-sales')!;
    repos.numbers.insert(ORG, { ...n, id: 'num-new', number: '+442071239999' }, STAMP);
    expect(cache.findNumber('+442071239999')?.number.id).toBe('num-new');
  });
});

describe('with another process writing the same database file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'route-cache-'));
    await open(join(dir, 'db.sqlite'));
  });
  afterEach(() => {
    repos.db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("its writes reach the next decision too (the database's triggers count them, not the companion)", () => {
    expect(cache.org(ORG).staffById.has('staff-bob')).toBe(true);
    expect(cache.findNumber(sales)?.number.displayName).not.toBe('By hand');
    const other = new Database(join(dir, 'db.sqlite'));
    other.prepare("UPDATE virtual_numbers SET display_name = 'By hand' WHERE id = 'num-sales'").run();
    other.prepare("UPDATE staff SET name = 'Bobby' WHERE id = 'staff-bob'").run();
    other.close();
    expect(cache.findNumber(sales)?.number.displayName).toBe('By hand');
    expect(cache.org(ORG).staffById.get('staff-bob')?.name).toBe('Bobby');
  });
});
