import { staffListSchema } from '../../src/common/api/staff';
import { apiAs, type Api } from '../support/api-client';
import { signIn, startSeededCompanion, type Harness } from '../support/companion-harness';

let h: Harness;
let admin: Api;
let agent: Api;
beforeAll(async () => {
  h = await startSeededCompanion();
  admin = apiAs(h, await signIn(h, 'admin@acme.test'));
  agent = apiAs(h, await signIn(h, 'bob@acme.test'));
});
afterAll(() => h.stop());

test('everyone in the organisation lists staff for pickers, without password hashes', async () => {
  const res = await agent.get('/api/staff');
  expect(res.status).toBe(200);
  const list = staffListSchema.parse(res.body);
  expect(list.map((s) => s.id).sort()).toEqual([
    'staff-admin',
    'staff-alice',
    'staff-bob',
    'staff-carol',
    'staff-dave',
    'staff-super',
  ]);
  expect(JSON.stringify(res.body)).not.toMatch(/password|scrypt/i);
});

test('an admin adds a staff member who can then sign in; the change is logged', async () => {
  const res = await admin.post('/api/staff', {
    name: 'Erin Agent',
    email: 'Erin@Acme.test',
    role: 'agent',
    extension: '1005',
    password: 'tidal-copper-lantern',
  });
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({ name: 'Erin Agent', email: 'erin@acme.test', role: 'agent', extension: '1005' });
  await signIn(h, 'erin@acme.test', 'tidal-copper-lantern');
  const changes = (await admin.get(`/api/staff/${res.body.id}/changes`)).body;
  expect(changes[0]).toMatchObject({
    section: 'profile',
    summary: 'Added Erin Agent (agent)',
    changedBy: { id: 'staff-admin', name: 'Ada Admin' },
  });
});

test('an admin changes a role and resets a password; the log names the fields but never the password', async () => {
  const res = await admin.patch('/api/staff/staff-dave', { role: 'supervisor', password: 'amber-willow-fjord' });
  expect(res.status).toBe(200);
  expect(res.body.role).toBe('supervisor');
  await signIn(h, 'dave@acme.test', 'amber-willow-fjord');
  const [latest] = (await admin.get('/api/staff/staff-dave/changes')).body;
  expect(latest).toMatchObject({
    summary: 'Changed role; password reset',
    before: { role: 'agent' },
    after: { role: 'supervisor' },
  });
  expect(JSON.stringify(latest)).not.toContain('amber-willow-fjord');
});

test('agents may not add or edit staff: 403, nothing saved', async () => {
  expect(
    (
      await agent.post('/api/staff', {
        name: 'Mallory',
        email: 'm@acme.test',
        role: 'admin',
        extension: null,
        password: 'tidal-copper-lantern',
      })
    ).status,
  ).toBe(403);
  expect((await agent.patch('/api/staff/staff-bob', { role: 'admin' })).status).toBe(403);
  expect((await admin.get('/api/staff/staff-bob')).body.role).toBe('agent');
  expect(((await admin.get('/api/staff')).body as { email: string }[]).some((s) => s.email === 'm@acme.test')).toBe(
    false,
  );
});

test.each([
  {
    why: 'a taken email',
    body: { name: 'Dup', email: 'alice@acme.test', role: 'agent', extension: null, password: 'tidal-copper-lantern' },
    status: 409,
    code: 'CONFLICT',
    path: ['email'],
  },
  {
    why: 'a taken extension',
    body: { name: 'Dup', email: 'dup@acme.test', role: 'agent', extension: '1001', password: 'tidal-copper-lantern' },
    status: 409,
    code: 'CONFLICT',
    path: ['extension'],
  },
  {
    why: 'a bad email',
    body: { name: 'Dup', email: 'nope', role: 'agent', extension: null, password: 'tidal-copper-lantern' },
    status: 400,
    code: 'INVALID_INPUT',
    path: ['email'],
  },
  {
    why: 'a short password',
    body: { name: 'Dup', email: 'dup@acme.test', role: 'agent', extension: null, password: 'short' },
    status: 400,
    code: 'INVALID_INPUT',
    path: ['password'],
  },
  {
    why: 'a made-up role',
    body: { name: 'Dup', email: 'dup@acme.test', role: 'owner', extension: null, password: 'tidal-copper-lantern' },
    status: 400,
    code: 'INVALID_INPUT',
    path: ['role'],
  },
  {
    why: 'a non-numeric extension',
    body: { name: 'Dup', email: 'dup@acme.test', role: 'agent', extension: 'x1', password: 'tidal-copper-lantern' },
    status: 400,
    code: 'INVALID_INPUT',
    path: ['extension'],
  },
])('adding staff with $why: $status naming the field, nobody added', async ({ body, status, code, path }) => {
  const before = (await admin.get('/api/staff')).body;
  const res = await admin.post('/api/staff', body);
  expect(res.status).toBe(status);
  expect(res.body.error).toMatchObject({ code, path });
  expect((await admin.get('/api/staff')).body).toEqual(before);
});

test('the last admin cannot be demoted', async () => {
  const res = await admin.patch('/api/staff/staff-admin', { role: 'agent' });
  expect(res.status).toBe(409);
  expect(res.body.error).toMatchObject({ code: 'CONFLICT', path: ['role'] });
  expect((await admin.get('/api/staff/staff-admin')).body.role).toBe('admin');
});
