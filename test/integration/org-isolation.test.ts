import { seedOrganisation } from '../../src/server/seed/seed';
import { apiAs, type Api } from '../support/api-client';
import { signIn, startSeededCompanion, type Harness } from '../support/companion-harness';

/** A second organisation in the same database: Acme's staff must never see or touch any of it, nor it Acme's. */
let h: Harness;
let acme: Api;
let acmeAgent: Api;
let globex: Api;
beforeAll(async () => {
  h = await startSeededCompanion();
  await seedOrganisation(h.repos, {
    org: { id: 'org-globex', name: 'Globex' },
    password: 'globex-password',
    staff: [
      { id: 'gx-admin', name: 'Gina Globex', email: 'gina@globex.test', role: 'admin', extension: '2000' },
      { id: 'gx-agent', name: 'Gus Globex', email: 'gus@globex.test', role: 'agent', extension: '2001' },
    ],
    numbers: [
      {
        id: 'gx-line',
        number: '+442071230000',
        displayName: 'Globex line',
        type: 'local',
        kind: 'standard',
        country: 'GB',
        city: 'London',
        timeZone: 'Europe/London',
        expiresAt: Date.UTC(2030, 0, 1),
        routing: {
          rule: { kind: 'alternative', destinations: [{ destination: { kind: 'staff', staffId: 'gx-agent' } }] },
        },
      },
    ],
    itemTypes: [{ id: 'gx-type', name: 'Office', orderBy: 0 }],
    contacts: [
      {
        id: 'gx-contact',
        name: 'Globex customer',
        primaryPhone: '+447911123456',
        additionalPhones: [],
        primaryAgentId: 'gx-agent',
        source: null,
        tags: [],
        ageMs: 0,
      },
    ],
  });
  acme = apiAs(h, await signIn(h, 'admin@acme.test'));
  acmeAgent = apiAs(h, await signIn(h, 'alice@acme.test'));
  globex = apiAs(h, await signIn(h, 'gina@globex.test', 'globex-password'));
});
afterAll(() => h.stop());

const routing = (staffId: string) => ({
  rule: { kind: 'alternative', destinations: [{ destination: { kind: 'staff', staffId } }] },
});
const contact = (extra: Record<string, unknown> = {}) => ({ name: 'X', primaryPhone: '+447911123450', ...extra });

test('lists never include the other organisation', async () => {
  const ids = async (api: Api, path: string) => ((await api.get(path)).body as { id: string }[]).map((x) => x.id);
  expect(await ids(acme, '/api/numbers')).not.toContain('gx-line');
  expect(await ids(acme, '/api/staff')).not.toContain('gx-admin');
  expect(await ids(acme, '/api/contacts')).not.toContain('gx-contact');
  expect(await ids(acme, '/api/contact-item-types')).not.toContain('gx-type');
  expect(await ids(globex, '/api/numbers')).toEqual(['gx-line']);
  expect(await ids(globex, '/api/staff')).toEqual(['gx-admin', 'gx-agent']);
  expect(await ids(globex, '/api/contacts')).toEqual(['gx-contact']);
  // Priya (Acme) and Globex's customer share a phone number: a search finds only one's own.
  expect(await ids(acme, '/api/contacts?phone=%2B447911123456')).toEqual(['contact-priya']);
  expect(await ids(globex, '/api/contacts?phone=%2B447911123456')).toEqual(['gx-contact']);
});

test.each([
  ['GET', '/api/numbers/gx-line', undefined],
  ['GET', '/api/numbers/gx-line/changes', undefined],
  ['PATCH', '/api/numbers/gx-line/basic', { displayName: 'Hijacked' }],
  ['PUT', '/api/numbers/gx-line/routing', routing('staff-alice')],
  ['GET', '/api/staff/gx-agent', undefined],
  ['PATCH', '/api/staff/gx-agent', { name: 'Hijacked' }],
  ['GET', '/api/staff/gx-agent/changes', undefined],
  ['GET', '/api/contacts/gx-contact', undefined],
  ['PUT', '/api/contacts/gx-contact', contact()],
  ['DELETE', '/api/contacts/gx-contact', undefined],
  ['PUT', '/api/contact-item-types/gx-type', { name: 'Hijacked', orderBy: 0 }],
  ['DELETE', '/api/contact-item-types/gx-type', undefined],
  ['POST', '/api/routing/dry-run', { numberId: 'gx-line', caller: '+447911123456' }],
])("Acme's admin: %s %s answers 404, and Globex's data is unchanged", async (method, path, body) => {
  const before = await Promise.all(
    ['/api/numbers/gx-line', '/api/staff/gx-agent', '/api/contacts/gx-contact', '/api/contact-item-types'].map((p) =>
      globex.get(p),
    ),
  );
  const res =
    method === 'GET'
      ? await acme.get(path)
      : method === 'DELETE'
        ? await acme.del(path)
        : method === 'PUT'
          ? await acme.put(path, body)
          : method === 'PATCH'
            ? await acme.patch(path, body)
            : await acme.post(path, body);
  expect(res.status).toBe(404);
  expect(res.body.error.code).toBe('NOT_FOUND');
  const after = await Promise.all(
    ['/api/numbers/gx-line', '/api/staff/gx-agent', '/api/contacts/gx-contact', '/api/contact-item-types'].map((p) =>
      globex.get(p),
    ),
  );
  expect(after.map((r) => r.body)).toEqual(before.map((r) => r.body));
});

test("an agent reading another organisation's number also gets 404", async () => {
  expect((await acmeAgent.get('/api/numbers/gx-line')).status).toBe(404);
});

test.each([
  {
    why: "routing to the other organisation's agent",
    call: () => acme.put('/api/numbers/num-sales/routing', routing('gx-agent')),
    path: ['rule', 'destinations', 0, 'destination', 'staffId'],
  },
  {
    why: "a contact owned by the other organisation's agent",
    call: () => acme.post('/api/contacts', contact({ primaryAgentId: 'gx-agent' })),
    path: ['primaryAgentId'],
  },
  {
    why: "a phone typed with the other organisation's item type",
    call: () =>
      acme.post('/api/contacts', contact({ additionalPhones: [{ number: '+447911123451', itemTypeId: 'gx-type' }] })),
    path: ['additionalPhones', 0, 'itemTypeId'],
  },
])("naming the other organisation's ids in settings is refused: $why", async ({ call, path }) => {
  const numbers = (await acme.get('/api/numbers')).body;
  const contacts = (await acme.get('/api/contacts')).body;
  const res = await call();
  expect(res.status).toBe(400);
  expect(res.body.error).toMatchObject({ code: 'INVALID_INPUT', path });
  expect((await acme.get('/api/numbers')).body).toEqual(numbers);
  expect((await acme.get('/api/contacts')).body).toEqual(contacts);
});

test("Globex's admin cannot reach Acme's numbers either", async () => {
  expect((await globex.get('/api/numbers/num-sales')).status).toBe(404);
  expect((await globex.put('/api/numbers/num-sales/routing', routing('gx-agent'))).status).toBe(404);
  expect((await acme.get('/api/numbers/num-sales')).body.routing.rule.destinations[0].destination.staffId).toBe(
    'staff-alice',
  );
});
