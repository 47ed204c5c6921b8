import { seedDemo } from '../seed/seed';
import { openDatabase } from './database';
import { createRepos, type Repos } from './repos';

let repos: Repos;
beforeEach(async () => {
  repos = createRepos(openDatabase(':memory:'));
  await seedDemo(repos);
  repos.orgs.insert({ id: 'org-b', name: 'B' });
  repos.staff.insert({
    id: 'b-agent',
    orgId: 'org-b',
    name: 'B Agent',
    email: 'b@b.test',
    role: 'agent',
    extension: null,
    passwordHash: 'x',
  });
});
afterEach(() => repos.db.close());

const DAY = 86_400_000;
const binding = (patch: Record<string, unknown> = {}) => ({
  kind: 'sticky' as const,
  numberId: 'num-sales',
  caller: '+447911000001',
  staffId: 'staff-alice',
  lastInteractionAt: 1_000 * DAY,
  expiresAt: 1_007 * DAY,
  ...patch,
});

describe('bindings', () => {
  test('one per kind, number and caller: a later interaction moves and slides it', () => {
    repos.bindings.save('org-demo', binding());
    repos.bindings.save(
      'org-demo',
      binding({ staffId: 'staff-bob', lastInteractionAt: 1_003 * DAY, expiresAt: 1_010 * DAY }),
    );
    const mine = repos.bindings.listActive('org-demo', 1_004 * DAY).filter((b) => b.caller === '+447911000001');
    expect(mine).toEqual([binding({ staffId: 'staff-bob', lastInteractionAt: 1_003 * DAY, expiresAt: 1_010 * DAY })]);
  });

  test('expired bindings are not listed, and are swept', () => {
    repos.bindings.save('org-demo', binding());
    expect(repos.bindings.listActive('org-demo', 1_008 * DAY).some((b) => b.caller === '+447911000001')).toBe(false);
    expect(repos.bindings.deleteExpired(1_008 * DAY)).toBeGreaterThanOrEqual(1);
  });

  test("never binds across organisations: another organisation's number or agent is ignored", () => {
    repos.bindings.save('org-b', binding());
    repos.bindings.save('org-demo', binding({ staffId: 'b-agent' }));
    expect(repos.bindings.listActive('org-b', 0)).toEqual([]);
    expect(repos.bindings.listActive('org-demo', 0).some((b) => b.caller === '+447911000001')).toBe(false);
  });

  test("a caller's live bindings on one number: however the number is written, nothing else", () => {
    repos.bindings.save('org-demo', binding({ caller: '+44 7911 000001' }));
    repos.bindings.save('org-demo', binding({ kind: 'engagement', lastInteractionAt: 1_001 * DAY }));
    repos.bindings.save('org-demo', binding({ caller: '+447911000002' }));
    const live = (caller: string, at = 1_002 * DAY, org = 'org-demo', numberId = 'num-sales') =>
      repos.bindings.liveFor(org, numberId, caller, at).map((b) => `${b.kind} ${b.caller}`);
    expect(live('+447911000001')).toEqual(['engagement +447911000001', 'sticky +447911000001']);
    expect(live('07911 000001')).toEqual([]);
    expect(live('+447911000001', 1_008 * DAY)).toEqual([]);
    expect(live('+447911000001', 1_002 * DAY, 'org-b')).toEqual([]);
    expect(live('anonymous')).toEqual([]);
  });
});

describe('contacts', () => {
  test('found by any of their phones, newest first, only in their organisation', () => {
    expect(repos.contacts.list('org-demo', { phone: '+447911123457' }).map((c) => c.id)).toEqual([
      'contact-tom-office',
      'contact-tom',
    ]);
    expect(repos.contacts.list('org-b', { phone: '+447911123457' })).toEqual([]);
  });

  test('an update replaces phones and tags in one go', () => {
    const tom = repos.contacts.find('org-demo', 'contact-tom')!;
    expect(
      repos.contacts.update(
        'org-demo',
        tom.id,
        { ...tom, additionalPhones: [{ number: '+442079460777' }], tags: ['new'] },
        5,
      ),
    ).toBe(true);
    expect(repos.contacts.find('org-demo', tom.id)).toMatchObject({
      additionalPhones: [{ number: '+442079460777' }],
      tags: ['new'],
      createdAt: tom.createdAt,
    });
    expect(repos.contacts.update('org-b', tom.id, tom, 6)).toBe(false);
  });
});

test('rotation state round-trips and resets', () => {
  repos.rotation.save('num-support', { weighted: [20, -20], roundRobin: {} }, 1);
  expect(repos.rotation.get('num-support')).toEqual({ weighted: [20, -20], roundRobin: {} });
  repos.rotation.reset('num-support');
  expect(repos.rotation.get('num-support')).toBeUndefined();
});

test('an organisation without its own hours gets weekday office hours', () => {
  expect(repos.orgSettings.businessHours('org-b')).toMatchObject({
    businessHours: { timeZone: 'Europe/London' },
    updatedAt: null,
  });
});

test('one main number per organisation', () => {
  const main = repos.numbers.find('org-demo', 'num-main')!;
  const { updatedAt: _a, updatedBy: _b, updatedById: _c, ...rest } = main;
  expect(() =>
    repos.numbers.insert(
      'org-demo',
      { ...rest, id: 'num-main-2', number: '+442079460002' },
      { by: 'staff-admin', at: 1 },
    ),
  ).toThrow(/UNIQUE/);
});
