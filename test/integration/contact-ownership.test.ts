import { apiAs, type Api } from '../support/api-client';
import { signIn, startSeededCompanion, type Harness } from '../support/companion-harness';

// Contact Tom Baker belongs to Bob. Carol is a colleague; Sam a supervisor; Ada the admin.
let h: Harness;
let bob: Api;
let carol: Api;
let sam: Api;
beforeAll(async () => {
  h = await startSeededCompanion();
  bob = apiAs(h, await signIn(h, 'bob@acme.test'));
  carol = apiAs(h, await signIn(h, 'carol@acme.test'));
  sam = apiAs(h, await signIn(h, 'supervisor@acme.test'));
});
afterAll(() => h.stop());

/** A change log entry's before/after: the contact's fields that changed (none when it was created). */
type Owner = { primaryAgentId?: string | null } | undefined;

const tom = async () => (await bob.get('/api/contacts/contact-tom')).body;
const repoint = (as: Api, current: Record<string, unknown>, primaryAgentId: string | null) => {
  const { id: _id, createdAt: _c, ...fields } = current;
  return as.put('/api/contacts/contact-tom', { ...fields, primaryAgentId });
};

test("a colleague cannot re-point another agent's customer to themselves, nor delete it; nothing changes", async () => {
  const before = await tom();
  const res = await repoint(carol, before, 'staff-carol');
  expect(res.status).toBe(403);
  expect(res.body.error).toMatchObject({ code: 'FORBIDDEN', path: ['primaryAgentId'] });
  expect((await repoint(carol, before, null)).status).toBe(403);
  expect((await carol.del('/api/contacts/contact-tom')).status).toBe(403);
  expect(await tom()).toEqual(before);
  // Other fields a colleague may still edit.
  expect(
    (
      await carol.put('/api/contacts/contact-tom', {
        ...before,
        id: undefined,
        createdAt: undefined,
        tags: ['landlord', 'vip'],
      })
    ).status,
  ).toBe(200);
});

test('the primary agent, a supervisor and an admin may change it, and every change is in the log with its author', async () => {
  expect((await repoint(sam, await tom(), 'staff-carol')).status).toBe(200);
  expect((await repoint(carol, await tom(), 'staff-bob')).status).toBe(200);
  const admin = apiAs(h, await signIn(h, 'admin@acme.test'));
  expect((await repoint(admin, await tom(), 'staff-dave')).status).toBe(200);
  const log = (await bob.get('/api/contacts/contact-tom/changes')).body as {
    summary: string;
    changedBy: { name: string };
    before: Owner;
    after: Owner;
  }[];
  expect(log.map((e) => [e.changedBy.name, e.summary, e.before?.primaryAgentId, e.after?.primaryAgentId])).toEqual([
    ['Ada Admin', 'Changed primaryAgentId', 'staff-bob', 'staff-dave'],
    ['Carol Agent', 'Changed primaryAgentId', 'staff-carol', 'staff-bob'],
    ['Sam Supervisor', 'Changed primaryAgentId', 'staff-bob', 'staff-carol'],
    ['Carol Agent', 'Changed tags', 'staff-bob', 'staff-bob'],
  ]);
});

test('an agent gives a new contact to themselves or to nobody, and the creation and deletion are logged', async () => {
  expect(
    (await carol.post('/api/contacts', { name: 'Mo', primaryPhone: '+447911000111', primaryAgentId: 'staff-bob' }))
      .status,
  ).toBe(403);
  const mine = await carol.post('/api/contacts', {
    name: 'Mo',
    primaryPhone: '+447911000111',
    primaryAgentId: 'staff-carol',
  });
  expect(mine.status).toBe(201);
  expect((await carol.del(`/api/contacts/${mine.body.id}`)).status).toBe(204);
  const log = (await sam.get(`/api/contacts/${mine.body.id}/changes`)).status;
  // The contact is gone, so its log is reached through nothing else: 404 like any missing contact.
  expect(log).toBe(404);
  const rows = h.repos.changes.list('org-demo', 'contact', mine.body.id);
  expect(rows.map((r) => r.summary)).toEqual(['Deleted contact Mo', 'Added contact Mo']);
});

test('an import records each contact it adds', async () => {
  const admin = apiAs(h, await signIn(h, 'admin@acme.test'));
  const res = await admin.post('/api/contacts/import', {
    csv: 'name,phone\nZed,+447911000222\n',
    mapping: { name: 'name', primaryPhone: 'phone' },
  });
  expect(res.status).toBe(200);
  const [id] = res.body.contactIds;
  expect((await bob.get(`/api/contacts/${id}/changes`)).body.map((e: { summary: string }) => e.summary)).toEqual([
    'Imported contact Zed',
  ]);
});
