import { numberListSchema, numberViewSchema, changeListSchema } from '../../src/common/api/numbers';
import { apiAs, type Api } from '../support/api-client';
import { signIn, startSeededCompanion, type Harness } from '../support/companion-harness';

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

const staff = (staffId: string) => ({ kind: 'staff', staffId });
const dest = (destination: unknown, extra: Record<string, unknown> = {}) => ({ destination, ...extra });
const alternative = (...destinations: unknown[]) => ({ rule: { kind: 'alternative', destinations: destinations.map((d) => dest(d)) } });
const voicemailOn = { enabled: true, greeting: 'hello', autoDelete: 'weekly' };
const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'];
const companyBase = { source: 'Web', tag: 'web', defaultRule: { kind: 'user', staffId: 'staff-alice' } };
const rule = (name: string, days: string[], start: string, end: string) => ({ name, activeHours: { days, start, end }, route: { kind: 'user', staffId: 'staff-bob' } });
const branch = { huntGroup: { staffIds: ['staff-alice'] }, then: { kind: 'end' } };

describe('reading numbers', () => {
  test('everyone in the organisation lists its numbers, parsed by the shared response schema', async () => {
    const res = await agent.get('/api/numbers');
    expect(res.status).toBe(200);
    const list = numberListSchema.parse(res.body);
    expect(list.map((n) => n.id).sort()).toEqual(['num-bookings', 'num-company', 'num-hours', 'num-main', 'num-sales', 'num-support']);
    const sales = list.find((n) => n.id === 'num-sales')!;
    expect(sales).toMatchObject({ number: '+442071234567', type: 'local', country: 'GB', city: 'London', updatedBy: 'Ada Admin', updatedById: 'staff-admin' });
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
      const res = method === 'PATCH' ? await who.patch(path, body) : method === 'PUT' ? await who.put(path, body) : await who.post(path, body);
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
    expect(changes[0]).toMatchObject({ section: 'basic', changedBy: { id: 'staff-admin', name: 'Ada Admin' }, after: { displayName: 'Lettings desk' } });
    expect(changes[0]!.changedAt).toBeGreaterThanOrEqual(before);
  });

  test('routing: saved as sent (numbers normalised to E.164), with before and after in the log', async () => {
    const body = {
      rule: {
        kind: 'percentage',
        destinations: [
          dest(staff('staff-bob'), { weight: 70 }),
          dest({ kind: 'external', number: '+44 20 7946 0123', dialExtension: '12#', dialDelaySeconds: 2 }, { weight: 30, ringTimeoutSeconds: 45 }),
        ],
      },
      noAnswer: { failSafeNumber: '0044 20 7946 0999' },
      sticky: { enabled: true, bindingDays: 3, fallbackToDestinations: false },
    };
    const res = await admin.put('/api/numbers/num-bookings/routing', body);
    expect(res.status).toBe(200);
    expect(res.body.routing.rule.destinations[1]).toEqual({ destination: { kind: 'external', number: '+442079460123', dialExtension: '12#', dialDelaySeconds: 2 }, weight: 30, ringTimeoutSeconds: 45 });
    expect(res.body.routing.noAnswer.failSafeNumber).toBe('+442079460999');
    expect(res.body.routing.voicemail.enabled).toBe(false);
    const read = await agent.get('/api/numbers/num-bookings');
    expect(read.body.routing).toEqual(res.body.routing);
    const [latest] = (await admin.get('/api/numbers/num-bookings/changes')).body;
    expect(latest).toMatchObject({ section: 'routing', summary: expect.stringMatching(/^Percentage routing, 2 destinations; voicemail off; sticky on/) });
    expect(latest.before.voicemail.enabled).toBe(true);
    expect(latest.after.rule.kind).toBe('percentage');
  });

  test('company number: rules saved and logged', async () => {
    const body = { ...companyBase, customRules: [rule('Mornings', weekdays, '08:00', '12:00'), rule('Afternoons', weekdays, '12:00', '18:00')] };
    const res = await admin.put('/api/numbers/num-company/company', body);
    expect(res.status).toBe(200);
    expect(res.body.company.customRules.map((r: { name: string }) => r.name)).toEqual(['Mornings', 'Afternoons']);
    expect((await admin.get('/api/numbers/num-company/changes')).body[0]).toMatchObject({ section: 'company', changedBy: { name: 'Ada Admin' } });
  });

  test('main number: settings saved without touching the PIN; reset puts the default back and is logged', async () => {
    h.repos.db.prepare(`UPDATE virtual_numbers SET settings = json_set(settings, '$.voicemailPin', '4321') WHERE id = 'num-main'`).run();
    expect((await admin.get('/api/numbers/num-main')).body.main.pinIsDefault).toBe(false);
    const res = await admin.put('/api/numbers/num-main/main', { state: 'reserved', inHours: branch, outOfHours: { huntGroup: { staffIds: [] }, then: { kind: 'voicemail' } } });
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
    const hours = { timeZone: 'Europe/London', windows: [{ days: weekdays, start: '08:30', end: '18:00' }, { days: ['sat'], start: '10:00', end: '13:00' }] };
    const res = await admin.put('/api/org/business-hours', hours);
    expect(res.status).toBe(200);
    expect((await agent.get('/api/org/business-hours')).body).toMatchObject({ businessHours: hours, updatedBy: 'Ada Admin' });
  });
});

/**
 * Every limit of DOMAIN.md the number settings carry: 400 INVALID_INPUT naming the field, and nothing saved
 * (the number and its change log read back the same).
 */
describe('bad settings are refused with the field named, and nothing is saved', () => {
  const six = ['staff-alice', 'staff-bob', 'staff-carol', 'staff-dave', 'staff-super', 'staff-admin'].map(staff);
  test.each([
    { why: 'alternative routing: up to 5 destinations', id: 'num-sales', section: 'routing', body: alternative(...six), path: ['rule', 'destinations'], message: /up to 5/ },
    {
      why: 'percentage routing: weights sum to 100',
      id: 'num-sales',
      section: 'routing',
      body: { rule: { kind: 'percentage', destinations: [dest(staff('staff-alice'), { weight: 50 }), dest(staff('staff-bob'), { weight: 40 })] } },
      path: ['rule', 'destinations'],
      message: /add up to 100 \(now 90\)/,
    },
    {
      why: 'percentage routing: whole-number weights',
      id: 'num-sales',
      section: 'routing',
      body: { rule: { kind: 'percentage', destinations: [dest(staff('staff-alice'), { weight: 50.5 }), dest(staff('staff-bob'), { weight: 49.5 })] } },
      path: ['rule', 'destinations', 0, 'weight'],
      message: /whole/,
    },
    {
      why: 'time routing: windows must not overlap',
      id: 'num-sales',
      section: 'routing',
      body: {
        rule: {
          kind: 'time',
          windows: [
            { days: weekdays, start: '09:00', end: '17:00', destination: staff('staff-alice') },
            { days: ['fri'], start: '16:00', end: '20:00', destination: staff('staff-bob') },
          ],
          fallback: { destination: staff('staff-carol') },
        },
      },
      path: ['rule', 'windows', 1, 'start'],
      message: /must not overlap/,
    },
    {
      why: 'voicemail on: only one destination',
      id: 'num-sales',
      section: 'routing',
      body: { ...alternative(staff('staff-alice'), staff('staff-bob')), voicemail: voicemailOn },
      path: ['rule', 'destinations'],
      message: /only one destination/,
    },
    {
      why: 'voicemail as a destination only with voicemail on',
      id: 'num-sales',
      section: 'routing',
      body: alternative(staff('staff-alice'), { kind: 'voicemail' }),
      path: ['rule', 'destinations', 1, 'destination'],
      message: /Turn voicemail on/,
    },
    {
      why: 'voicemail on needs a greeting',
      id: 'num-sales',
      section: 'routing',
      body: { ...alternative(staff('staff-alice')), voicemail: { enabled: true, greeting: null, autoDelete: 'weekly' } },
      path: ['voicemail', 'greeting'],
      message: /greeting/,
    },
    {
      why: 'voicemail auto-deletion: one of the four periods',
      id: 'num-sales',
      section: 'routing',
      body: { ...alternative(staff('staff-alice')), voicemail: { ...voicemailOn, autoDelete: 'yearly' } },
      path: ['voicemail', 'autoDelete'],
      message: /weekly, two-weeks, monthly or quarterly/,
    },
    {
      why: 'engagement mode: local numbers only',
      id: 'num-support',
      section: 'routing',
      body: { ...alternative(staff('staff-alice')), engagement: { enabled: true, bindingDays: 7, fallbackToDestinations: true } },
      path: ['engagement', 'enabled'],
      message: /only available on local numbers/,
    },
    {
      why: 'sticky binding period: whole days, at least 1',
      id: 'num-sales',
      section: 'routing',
      body: { ...alternative(staff('staff-alice')), sticky: { enabled: true, bindingDays: 0, fallbackToDestinations: true } },
      path: ['sticky', 'bindingDays'],
      message: /at least 1 day/,
    },
    {
      why: 'group dial pattern: one of the four',
      id: 'num-sales',
      section: 'routing',
      body: alternative({ kind: 'group', staffIds: ['staff-alice', 'staff-bob'], pattern: 'random' }),
      path: ['rule', 'destinations', 0, 'destination', 'pattern'],
      message: /simultaneous, round-robin, sequential or least-connected/,
    },
    {
      why: 'ring timeout: 5 to 300 seconds',
      id: 'num-sales',
      section: 'routing',
      body: { rule: { kind: 'alternative', destinations: [dest(staff('staff-alice'), { ringTimeoutSeconds: 2 })] } },
      path: ['rule', 'destinations', 0, 'ringTimeoutSeconds'],
      message: /at least 5 seconds/,
    },
    {
      why: 'external destination: a valid phone number',
      id: 'num-sales',
      section: 'routing',
      body: alternative(staff('staff-alice'), { kind: 'external', number: '020 7946 0123' }),
      path: ['rule', 'destinations', 1, 'destination', 'number'],
      message: /country code/,
    },
    {
      why: 'dial extension: digits, * or #',
      id: 'num-sales',
      section: 'routing',
      body: alternative({ kind: 'external', number: '+442079460123', dialExtension: 'ext 12' }),
      path: ['rule', 'destinations', 0, 'destination', 'dialExtension'],
      message: /digits/,
    },
    {
      why: 'fail-safe number: a valid phone number',
      id: 'num-sales',
      section: 'routing',
      body: { ...alternative(staff('staff-alice')), noAnswer: { failSafeNumber: '+44 12' } },
      path: ['noAnswer', 'failSafeNumber'],
      message: /not a valid phone number/,
    },
    {
      why: 'destinations: staff of this organisation only',
      id: 'num-sales',
      section: 'routing',
      body: alternative(staff('staff-alice'), staff('staff-bob'), staff('staff-carol'), staff('staff-dave'), staff('staff-ghost')),
      path: ['rule', 'destinations', 4, 'destination', 'staffId'],
      message: /no staff member 'staff-ghost'/,
    },
    {
      why: 'caller-ID allowlist: staff of this organisation only',
      id: 'num-sales',
      section: 'routing',
      body: { ...alternative(staff('staff-alice')), callerIds: { destinationStaff: true, staffIds: ['staff-bob', 'staff-ghost'], allStaff: false } },
      path: ['callerIds', 'staffIds', 1],
      message: /staff-ghost/,
    },
    {
      why: 'a routing rule kind that does not exist',
      id: 'num-sales',
      section: 'routing',
      body: { rule: { kind: 'random', destinations: [] } },
      path: ['rule', 'kind'],
      message: /alternative, percentage or time/,
    },
    { why: 'basic info: only the display name', id: 'num-sales', section: 'basic', body: { displayName: 'x', number: '+442071111111' }, path: [], message: /Only the display name/ },
    { why: 'basic info: display name up to 60 characters', id: 'num-sales', section: 'basic', body: { displayName: 'x'.repeat(61) }, path: ['displayName'], message: /60/ },
    {
      why: 'company blast: up to 5 agents',
      id: 'num-company',
      section: 'company',
      body: { ...companyBase, defaultRule: { kind: 'blast', staffIds: ['staff-alice', 'staff-bob', 'staff-carol', 'staff-dave', 'staff-super', 'staff-admin'] } },
      path: ['defaultRule', 'staffIds'],
      message: /up to 5 agents/,
    },
    {
      why: 'company custom rules: up to 10',
      id: 'num-company',
      section: 'company',
      body: { ...companyBase, customRules: Array.from({ length: 11 }, (_, i) => rule(`Rule ${i}`, ['mon'], `${String(i).padStart(2, '0')}:00`, `${String(i).padStart(2, '0')}:30`)) },
      path: ['customRules'],
      message: /Up to 10 custom rules/,
    },
    {
      why: 'company custom rules: active hours must not overlap',
      id: 'num-company',
      section: 'company',
      body: { ...companyBase, customRules: [rule('Days', weekdays, '09:00', '17:00'), rule('Late', ['wed'], '16:30', '22:00')] },
      path: ['customRules', 1, 'activeHours'],
      message: /must not overlap/,
    },
    {
      why: 'company number rule: a valid bridge number',
      id: 'num-company',
      section: 'company',
      body: { ...companyBase, defaultRule: { kind: 'number', number: 'call me' } },
      path: ['defaultRule', 'number'],
      message: /country code/,
    },
    {
      why: 'company rules: staff of this organisation only',
      id: 'num-company',
      section: 'company',
      body: { ...companyBase, customRules: [{ ...rule('Ghost', ['sun'], '10:00', '11:00'), route: { kind: 'blast', staffIds: ['staff-bob', 'staff-ghost'] } }] },
      path: ['customRules', 0, 'route', 'staffIds', 1],
      message: /staff-ghost/,
    },
    { why: 'main number: reserved or active only', id: 'num-main', section: 'main', body: { state: 'paused', inHours: branch, outOfHours: branch }, path: ['state'], message: /reserved or active/ },
    { why: 'main number: the PIN is only reset, never set', id: 'num-main', section: 'main', body: { state: 'active', inHours: branch, outOfHours: branch, voicemailPin: '1234' }, path: [], message: /resetting/ },
    {
      why: 'main number: reception is a staff member of this organisation',
      id: 'num-main',
      section: 'main',
      body: { state: 'active', inHours: { huntGroup: { staffIds: [] }, then: { kind: 'main-reception', staffId: 'staff-ghost', greeting: 'Hi' } }, outOfHours: branch },
      path: ['inHours', 'then', 'staffId'],
      message: /staff-ghost/,
    },
  ])('$why', async ({ id, section, body, path, message }) => {
    const before = (await admin.get(`/api/numbers/${id}`)).body;
    const log = (await admin.get(`/api/numbers/${id}/changes`)).body;
    const url = section === 'basic' ? `/api/numbers/${id}/basic` : `/api/numbers/${id}/${section}`;
    const res = section === 'basic' ? await admin.patch(url, body) : await admin.put(url, body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'INVALID_INPUT', path });
    expect(res.body.error.message).toMatch(message);
    expect((await admin.get(`/api/numbers/${id}`)).body).toEqual(before);
    expect((await admin.get(`/api/numbers/${id}/changes`)).body).toEqual(log);
  });

  test('business hours: ranges must not overlap, nothing saved', async () => {
    const before = (await admin.get('/api/org/business-hours')).body;
    const res = await admin.put('/api/org/business-hours', { timeZone: 'Europe/London', windows: [{ days: ['mon'], start: '09:00', end: '17:00' }, { days: ['mon'], start: '12:00', end: '13:00' }] });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'INVALID_INPUT', path: ['windows', 1] });
    expect((await admin.get('/api/org/business-hours')).body).toEqual(before);
  });

  test('business hours: a real time zone', async () => {
    const res = await admin.put('/api/org/business-hours', { timeZone: 'GMT+1', windows: [] });
    expect(res.body.error).toMatchObject({ code: 'INVALID_INPUT', path: ['timeZone'] });
  });
});
