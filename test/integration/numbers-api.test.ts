import { numberListSchema, numberViewSchema, changeListSchema } from '../../src/common/api/numbers';
import { apiAs, type Api } from '../support/api-client';
import { signIn, startSeededCompanion, type Harness } from '../support/companion-harness';
import { alternative, branch, companyBase, dest, rule, staff, weekdays } from '../support/settings-builders';

let h: Harness;
let admin: Api;
let agent: Api;
let supervisor: Api;
beforeAll(async () => {
  h = await startSeededCompanion();
  admin = apiAs(h, await signIn(h, 'admin@acme.test'));
  agent = apiAs(h, await signIn(h, 'alice@acme.test'));
  supervisor = apiAs(h, await signIn(h, 'supervisor@acme.test'));
});
afterAll(() => h.stop());

describe('reading numbers', () => {
  test('everyone in the organisation lists its numbers, parsed by the shared response schema', async () => {
    const res = await agent.get('/api/numbers');
    expect(res.status).toBe(200);
    const list = numberListSchema.parse(res.body);
    expect(list.map((n) => n.id).sort()).toEqual([
      'num-bookings',
      'num-company',
      'num-hours',
      'num-main',
      'num-sales',
      'num-support',
    ]);
    const sales = list.find((n) => n.id === 'num-sales')!;
    expect(sales).toMatchObject({
      number: '+442071234567',
      type: 'local',
      country: 'GB',
      city: 'London',
      updatedBy: 'Ada Admin',
      updatedById: 'staff-admin',
    });
    expect(sales.expiresAt).toBeGreaterThan(Date.now());
  });

  test("the main number's PIN never leaves the server; whether it is the default does", async () => {
    const res = await admin.get('/api/numbers/num-main');
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain('voicemailPin');
    expect(res.body.main.pinIsDefault).toBe(true);
  });

  test('an unknown id answers 404', async () => {
    expect((await agent.get('/api/numbers/nope')).status).toBe(404);
  });

  test('without a session: 401', async () => {
    expect((await fetch(`${h.url}/api/numbers`)).status).toBe(401);
  });
});

describe('only admins change settings', () => {
  test.each([
    ['PATCH', '/api/numbers/num-sales/basic', { displayName: 'Mine now' }],
    ['PUT', '/api/numbers/num-sales/routing', alternative(staff('staff-alice'))],
    ['PUT', '/api/numbers/num-company/company', companyBase],
    ['PUT', '/api/numbers/num-main/main', { state: 'active', inHours: branch, outOfHours: branch }],
    ['POST', '/api/numbers/num-main/main/reset-pin', {}],
    ['PUT', '/api/org/business-hours', { timeZone: 'Europe/London', windows: [] }],
  ])('%s %s: 403 for an agent and a supervisor, and nothing changes', async (method, path, body) => {
    const before = (await admin.get('/api/numbers')).body;
    for (const who of [agent, supervisor]) {
      const res =
        method === 'PATCH'
          ? await who.patch(path, body)
          : method === 'PUT'
            ? await who.put(path, body)
            : await who.post(path, body);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
    expect((await admin.get('/api/numbers')).body).toEqual(before);
  });
});

describe('admin edits, each recorded with who and when', () => {
  test('display name: saved, last-updated stamped, change logged', async () => {
    const before = Date.now();
    const res = await admin.patch('/api/numbers/num-hours/basic', { displayName: '  Lettings desk ' });
    expect(res.status).toBe(200);
    const number = numberViewSchema.parse(res.body);
    expect(number).toMatchObject({ displayName: 'Lettings desk', updatedBy: 'Ada Admin', updatedById: 'staff-admin' });
    expect(number.updatedAt).toBeGreaterThanOrEqual(before);
    const changes = changeListSchema.parse((await agent.get('/api/numbers/num-hours/changes')).body);
    expect(changes[0]).toMatchObject({
      section: 'basic',
      changedBy: { id: 'staff-admin', name: 'Ada Admin' },
      after: { displayName: 'Lettings desk' },
    });
    expect(changes[0]!.changedAt).toBeGreaterThanOrEqual(before);
  });

  test('routing: saved as sent (numbers normalised to E.164), with before and after in the log', async () => {
    const body = {
      rule: {
        kind: 'percentage',
        destinations: [
          dest(staff('staff-bob'), { weight: 70 }),
          dest(
            { kind: 'external', number: '+44 20 7946 0123', dialExtension: '12#', dialDelaySeconds: 2 },
            { weight: 30, ringTimeoutSeconds: 45 },
          ),
        ],
      },
      noAnswer: { failSafeNumber: '0044 20 7946 0999' },
      sticky: { enabled: true, bindingDays: 3, fallbackToDestinations: false },
    };
    const res = await admin.put('/api/numbers/num-bookings/routing', body);
    expect(res.status).toBe(200);
    expect(res.body.routing.rule.destinations[1]).toEqual({
      destination: { kind: 'external', number: '+442079460123', dialExtension: '12#', dialDelaySeconds: 2 },
      weight: 30,
      ringTimeoutSeconds: 45,
    });
    expect(res.body.routing.noAnswer.failSafeNumber).toBe('+442079460999');
    expect(res.body.routing.voicemail.enabled).toBe(false);
    const read = await agent.get('/api/numbers/num-bookings');
    expect(read.body.routing).toEqual(res.body.routing);
    const [latest] = (await admin.get('/api/numbers/num-bookings/changes')).body;
    expect(latest).toMatchObject({
      section: 'routing',
      summary: expect.stringMatching(/^Percentage routing, 2 destinations; voicemail off; sticky on/),
    });
    expect(latest.before.voicemail.enabled).toBe(true);
    expect(latest.after.rule.kind).toBe('percentage');
  });

  test('company number: rules saved and logged', async () => {
    const body = {
      ...companyBase,
      customRules: [rule('Mornings', weekdays, '08:00', '12:00'), rule('Afternoons', weekdays, '12:00', '18:00')],
    };
    const res = await admin.put('/api/numbers/num-company/company', body);
    expect(res.status).toBe(200);
    expect(res.body.company.customRules.map((r: { name: string }) => r.name)).toEqual(['Mornings', 'Afternoons']);
    expect((await admin.get('/api/numbers/num-company/changes')).body[0]).toMatchObject({
      section: 'company',
      changedBy: { name: 'Ada Admin' },
    });
  });

  test('main number: settings saved without touching the PIN; reset puts the default back and is logged', async () => {
    const set = await admin.post('/api/numbers/num-main/main/pin', { pin: '4321' });
    expect(set.status).toBe(200);
    expect(set.body.main.pinIsDefault).toBe(false);
    expect(h.repos.pins.hashOf('num-main')).toMatch(/^scrypt\$/);
    expect((await admin.post('/api/numbers/num-main/main/pin', { pin: '12' })).body.error).toMatchObject({
      code: 'INVALID_INPUT',
      path: ['pin'],
    });
    const res = await admin.put('/api/numbers/num-main/main', {
      state: 'reserved',
      inHours: branch,
      outOfHours: { huntGroup: { staffIds: [] }, then: { kind: 'voicemail' } },
    });
    expect(res.status).toBe(200);
    expect(res.body.main).toMatchObject({ state: 'reserved', pinIsDefault: false });
    const reset = await admin.post('/api/numbers/num-main/main/reset-pin');
    expect(reset.status).toBe(200);
    expect(reset.body.main.pinIsDefault).toBe(true);
    const changes = (await admin.get('/api/numbers/num-main/changes')).body;
    expect(changes.map((c: { section: string }) => c.section).slice(0, 2)).toEqual(['pin', 'main']);
    expect(JSON.stringify(changes)).not.toContain('4321');
  });

  test('settings of the wrong kind of number: 409, nothing saved', async () => {
    const res = await admin.put('/api/numbers/num-company/routing', alternative(staff('staff-alice')));
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CONFLICT');
    expect((await admin.get('/api/numbers/num-company')).body.kind).toBe('company');
  });

  test('business hours: saved, read by everyone, logged', async () => {
    const hours = {
      timeZone: 'Europe/London',
      windows: [
        { days: weekdays, start: '08:30', end: '18:00' },
        { days: ['sat'], start: '10:00', end: '13:00' },
      ],
    };
    const res = await admin.put('/api/org/business-hours', hours);
    expect(res.status).toBe(200);
    expect((await agent.get('/api/org/business-hours')).body).toMatchObject({
      businessHours: hours,
      updatedBy: 'Ada Admin',
    });
  });
});
