import {
  contactImportResultSchema,
  contactListSchema,
  contactViewSchema,
  itemTypeListSchema,
} from '../../src/common/api/contacts';
import { apiAs, type Api } from '../support/api-client';
import { signIn, startSeededCompanion, type Harness } from '../support/companion-harness';

let h: Harness;
let admin: Api;
let agent: Api;
beforeAll(async () => {
  h = await startSeededCompanion();
  admin = apiAs(h, await signIn(h, 'admin@acme.test'));
  agent = apiAs(h, await signIn(h, 'carol@acme.test'));
});
afterAll(() => h.stop());

describe('contacts', () => {
  test('the demo contacts carry typed additional phones, tags, source and primary agent', async () => {
    const list = contactListSchema.parse((await agent.get('/api/contacts')).body);
    const priya = list.find((c) => c.id === 'contact-priya')!;
    expect(priya).toMatchObject({
      primaryAgentId: 'staff-alice',
      source: 'Website',
      tags: ['buyer', 'mortgage-ready'],
    });
    expect(priya.additionalPhones[0]).toEqual({
      number: '+442079460500',
      itemTypeId: 'itemtype-office',
      description: 'Reception, ask for Priya',
    });
    const shared = ((await agent.get('/api/contacts?phone=%2B44%207911%20123458')).body as { id: string }[]).map(
      (c) => c.id,
    );
    expect(shared).toEqual(['contact-ortiz', 'contact-lena']);
    const unencoded = ((await agent.get('/api/contacts?phone=+447911123458')).body as { id: string }[]).map(
      (c) => c.id,
    );
    expect(unencoded).toEqual(shared);
    expect((await agent.get('/api/contacts?phone=12')).body.error).toMatchObject({
      code: 'INVALID_INPUT',
      path: ['phone'],
    });
  });

  test('an agent creates, edits and deletes a contact; phones are normalised to E.164', async () => {
    const created = await agent.post('/api/contacts', {
      name: 'Nia Okafor',
      primaryPhone: '0044 7911 123 450',
      additionalPhones: [{ number: '+44 20 7946 0777', itemTypeId: 'itemtype-office' }],
      primaryAgentId: 'staff-carol',
      source: 'Open day',
      tags: ['buyer'],
    });
    expect(created.status).toBe(201);
    const contact = contactViewSchema.parse(created.body);
    expect(contact.primaryPhone).toBe('+447911123450');
    expect(contact.additionalPhones[0]!.number).toBe('+442079460777');
    const updated = await agent.put(`/api/contacts/${contact.id}`, {
      name: 'Nia Okafor',
      primaryPhone: '+447911123450',
      tags: ['buyer', 'hot'],
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      additionalPhones: [],
      tags: ['buyer', 'hot'],
      primaryAgentId: null,
      createdAt: contact.createdAt,
    });
    expect((await agent.del(`/api/contacts/${contact.id}`)).status).toBe(204);
    expect((await agent.get(`/api/contacts/${contact.id}`)).status).toBe(404);
  });

  test.each([
    { why: 'an invalid primary phone', body: { name: 'A', primaryPhone: '12345' }, path: ['primaryPhone'] },
    {
      why: 'an invalid additional phone',
      body: { name: 'A', primaryPhone: '+447911123450', additionalPhones: [{ number: 'nope' }] },
      path: ['additionalPhones', 0, 'number'],
    },
    {
      why: 'the same number twice on one contact',
      body: { name: 'A', primaryPhone: '+447911123450', additionalPhones: [{ number: '+44 7911 123450' }] },
      path: ['additionalPhones', 0, 'number'],
    },
    {
      why: 'more than 20 additional phones',
      body: {
        name: 'A',
        primaryPhone: '+447911123450',
        additionalPhones: Array.from({ length: 21 }, (_, i) => ({
          number: `+4420794605${String(i).padStart(2, '0')}`,
        })),
      },
      path: ['additionalPhones'],
    },
    { why: 'no name', body: { name: ' ', primaryPhone: '+447911123450' }, path: ['name'] },
    { why: 'a tag twice', body: { name: 'A', primaryPhone: '+447911123450', tags: ['vip', 'VIP'] }, path: ['tags'] },
    {
      why: 'an unknown item type',
      body: {
        name: 'A',
        primaryPhone: '+447911123450',
        additionalPhones: [{ number: '+442079460777', itemTypeId: 'nope' }],
      },
      path: ['additionalPhones', 0, 'itemTypeId'],
    },
    {
      why: 'an unknown primary agent',
      body: { name: 'A', primaryPhone: '+447911123450', primaryAgentId: 'staff-ghost' },
      path: ['primaryAgentId'],
    },
  ])('$why: 400 naming the field, nothing saved', async ({ body, path }) => {
    const before = (await agent.get('/api/contacts')).body;
    const res = await agent.post('/api/contacts', body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'INVALID_INPUT', path });
    expect((await agent.get('/api/contacts')).body).toEqual(before);
    const edit = await agent.put('/api/contacts/contact-tom', body);
    expect(edit.status).toBe(400);
    expect((await agent.get('/api/contacts')).body).toEqual(before);
  });
});

describe('contact item types', () => {
  test('listed by priority, then name', async () => {
    const list = itemTypeListSchema.parse((await agent.get('/api/contact-item-types')).body);
    expect(list.map((t) => t.name)).toEqual(['Mobile', 'Office', 'Holiday Home']);
  });

  test('admins add, rename and delete them (phones of a deleted type stay, untyped); agents may not', async () => {
    expect((await agent.post('/api/contact-item-types', { name: 'Boat', orderBy: 5 })).status).toBe(403);
    const created = await admin.post('/api/contact-item-types', { name: 'Boat', orderBy: 5 });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await admin.put(`/api/contact-item-types/${id}`, { name: 'Houseboat', orderBy: 1 })).body).toEqual({
      id,
      name: 'Houseboat',
      orderBy: 1,
    });
    const c = await agent.post('/api/contacts', {
      name: 'Sailor',
      primaryPhone: '+447911123450',
      additionalPhones: [{ number: '+442079460778', itemTypeId: id }],
    });
    expect((await agent.del(`/api/contact-item-types/${id}`)).status).toBe(403);
    expect((await admin.del(`/api/contact-item-types/${id}`)).status).toBe(204);
    expect((await agent.get(`/api/contacts/${c.body.id}`)).body.additionalPhones).toEqual([
      { number: '+442079460778' },
    ]);
  });

  test.each([
    { why: 'a name already used (any case)', body: { name: 'office', orderBy: 3 }, status: 409, path: ['name'] },
    { why: 'a negative order', body: { name: 'Villa', orderBy: -1 }, status: 400, path: ['orderBy'] },
    { why: 'a fractional order', body: { name: 'Villa', orderBy: 1.5 }, status: 400, path: ['orderBy'] },
    { why: 'no name', body: { name: '', orderBy: 1 }, status: 400, path: ['name'] },
  ])('$why: $status naming the field, nothing saved', async ({ body, status, path }) => {
    const before = (await admin.get('/api/contact-item-types')).body;
    const res = await admin.post('/api/contact-item-types', body);
    expect(res.status).toBe(status);
    expect(res.body.error.path).toEqual(path);
    expect((await admin.get('/api/contact-item-types')).body).toEqual(before);
  });
});

describe('CSV import', () => {
  const csv = [
    'Name,Phone,Office phone,Holiday phone,Agent,Tags',
    'Ada Lovelace,+447911000001,+442079460901,,alice@acme.test,buyer;vip',
    'No Phone,,,,,',
    '"Brunel, Isambard",+44 7911 000002,,+34912345679,,',
    'Bad Office,+447911000003,020 7946,,,',
    'Stranger,+447911000004,,,ghost@acme.test,',
    '',
    '"Multi',
    'line name",+447911000005,,,,',
  ].join('\n');
  const mapping = {
    name: 'Name',
    primaryPhone: 'phone',
    additionalPhones: [
      { column: 'Office phone', itemTypeId: 'itemtype-office' },
      { column: 'Holiday phone', itemTypeId: 'itemtype-holiday' },
    ],
    primaryAgentEmail: 'Agent',
    tags: 'Tags',
  };

  test('good rows are imported; bad rows are reported by line and column with the reason', async () => {
    const res = await admin.post('/api/contacts/import', {
      csv,
      mapping,
      defaults: { source: 'Spring import', tags: ['imported'] },
    });
    expect(res.status).toBe(200);
    const result = contactImportResultSchema.parse(res.body);
    expect(result.imported).toBe(3);
    expect(result.rejected).toEqual([
      { line: 3, column: 'Phone', message: expect.stringMatching(/Enter a phone number/) },
      { line: 5, column: 'Office phone', message: expect.stringMatching(/country code/) },
      { line: 6, column: 'Agent', message: 'No staff member with the email ghost@acme.test' },
    ]);
    const imported = await Promise.all(
      result.contactIds.map(async (id) => (await admin.get(`/api/contacts/${id}`)).body),
    );
    expect(imported.map((c) => c.name)).toEqual(['Ada Lovelace', 'Brunel, Isambard', 'Multi\nline name']);
    expect(imported[0]).toMatchObject({
      primaryPhone: '+447911000001',
      additionalPhones: [{ number: '+442079460901', itemTypeId: 'itemtype-office' }],
      primaryAgentId: 'staff-alice',
      source: 'Spring import',
      tags: ['buyer', 'vip', 'imported'],
    });
    expect(imported[1].additionalPhones).toEqual([{ number: '+34912345679', itemTypeId: 'itemtype-holiday' }]);
  });

  test.each([
    {
      why: 'a mapped column missing from the header',
      body: { csv, mapping: { ...mapping, name: 'Full name' } },
      path: ['mapping', 'name'],
    },
    {
      why: 'an unknown item type',
      body: { csv, mapping: { ...mapping, additionalPhones: [{ column: 'Office phone', itemTypeId: 'nope' }] } },
      path: ['mapping', 'additionalPhones', 0, 'itemTypeId'],
    },
    {
      why: 'an unclosed quote',
      body: { csv: 'Name,Phone\n"Oops,+447911000001', mapping: { name: 'Name', primaryPhone: 'Phone' } },
      path: ['csv'],
    },
    { why: 'no CSV text', body: { csv: '', mapping }, path: ['csv'] },
  ])('$why: 400 naming the field, nothing imported', async ({ body, path }) => {
    const before = (await admin.get('/api/contacts')).body.length;
    const res = await admin.post('/api/contacts/import', body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'INVALID_INPUT', path });
    expect((await admin.get('/api/contacts')).body.length).toBe(before);
  });

  test('agents may not import', async () => {
    expect((await agent.post('/api/contacts/import', { csv, mapping })).status).toBe(403);
  });
});
