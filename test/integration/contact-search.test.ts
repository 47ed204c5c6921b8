import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ContactPage } from '../../src/common/api/contacts';
import { signIn, startSeededCompanion, type Harness } from '../support/companion-harness';

/** Agents' contact search over HTTP with 10,000 contacts: by name or any phone, paged, by name. */

let h: Harness;
let cookie: string;

beforeAll(async () => {
  h = await startSeededCompanion();
  h.repos.transaction(() => {
    for (let i = 0; i < 10_000; i++) {
      const n = String(i).padStart(5, '0');
      h.repos.contacts.insert('org-demo', {
        id: `bulk-${n}`,
        name: `Bulk Customer ${n}`,
        primaryPhone: `+4479111${n}`,
        additionalPhones: i === 4321 ? [{ number: '+442079461111', itemTypeId: 'itemtype-office' }] : [],
        primaryAgentId: null,
        source: null,
        tags: [],
        createdAt: 1,
      });
    }
  });
  cookie = await signIn(h, 'bob@acme.test');
});
afterAll(async () => h?.stop());

const search = async (query: string) => {
  const res = await fetch(`${h.url}/api/contacts/search?${query}`, { headers: { cookie } });
  return { status: res.status, body: (await res.json()) as ContactPage & { error?: { message: string } } };
};

test('by name, a page at a time in name order', async () => {
  const first = await search('q=bulk%20customer%2001&limit=25');
  expect(first.body.total).toBe(1000);
  expect(first.body.items.map((c) => c.name).slice(0, 2)).toEqual(['Bulk Customer 01000', 'Bulk Customer 01001']);
  const third = await search('q=bulk%20customer%2001&limit=25&offset=50');
  expect(third.body.items[0]!.name).toBe('Bulk Customer 01050');
  expect(third.body.offset).toBe(50);
});

test('by any phone, international or national, spaces ignored', async () => {
  expect((await search(`q=${encodeURIComponent('+44 7911 104321')}`)).body.items.map((c) => c.id)).toEqual([
    'bulk-04321',
  ]);
  expect((await search(`q=${encodeURIComponent('020 7946 1111')}`)).body.items.map((c) => c.id)).toEqual([
    'bulk-04321',
  ]);
});

test('no query lists everyone; bad paging is refused naming the field; LIKE wildcards are plain text', async () => {
  expect((await search('')).body.total).toBeGreaterThan(10_000);
  const bad = await search('limit=1000');
  expect(bad.status).toBe(400);
  expect(bad.body.error?.message).toMatch(/^limit: /);
  expect((await search('q=%25')).body.total).toBe(0);
});
