import { apiAs, type Api } from '../support/api-client';
import { signIn, startSeededCompanion, type Harness } from '../support/companion-harness';
import {
  alternative,
  branch,
  companyBase,
  dest,
  rule,
  staff,
  voicemailOn,
  weekdays,
} from '../support/settings-builders';

let h: Harness;
let admin: Api;
beforeAll(async () => {
  h = await startSeededCompanion();
  admin = apiAs(h, await signIn(h, 'admin@acme.test'));
});
afterAll(() => h.stop());

/**
 * Every limit of DOMAIN.md the number settings carry: 400 INVALID_INPUT naming the field, and nothing saved
 * (the number and its change log read back the same).
 */
describe('bad settings are refused with the field named, and nothing is saved', () => {
  const six = ['staff-alice', 'staff-bob', 'staff-carol', 'staff-dave', 'staff-super', 'staff-admin'].map(staff);
  test.each([
    {
      why: 'alternative routing: up to 5 destinations',
      id: 'num-sales',
      section: 'routing',
      body: alternative(...six),
      path: ['rule', 'destinations'],
      message: /up to 5/,
    },
    {
      why: 'percentage routing: weights sum to 100',
      id: 'num-sales',
      section: 'routing',
      body: {
        rule: {
          kind: 'percentage',
          destinations: [dest(staff('staff-alice'), { weight: 50 }), dest(staff('staff-bob'), { weight: 40 })],
        },
      },
      path: ['rule', 'destinations'],
      message: /add up to 100 \(now 90\)/,
    },
    {
      why: 'percentage routing: whole-number weights',
      id: 'num-sales',
      section: 'routing',
      body: {
        rule: {
          kind: 'percentage',
          destinations: [dest(staff('staff-alice'), { weight: 50.5 }), dest(staff('staff-bob'), { weight: 49.5 })],
        },
      },
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
      why: "voicemail greeting: one of the organisation's greetings (or none: the spoken default)",
      id: 'num-sales',
      section: 'routing',
      body: {
        ...alternative(staff('staff-alice')),
        voicemail: { enabled: true, greeting: 'no-such-greeting', autoDelete: 'weekly' },
      },
      path: ['voicemail', 'greeting'],
      message: /No such greeting/,
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
      body: {
        ...alternative(staff('staff-alice')),
        engagement: { enabled: true, bindingDays: 7, fallbackToDestinations: true },
      },
      path: ['engagement', 'enabled'],
      message: /only available on local numbers/,
    },
    {
      why: 'sticky binding period: whole days, at least 1',
      id: 'num-sales',
      section: 'routing',
      body: {
        ...alternative(staff('staff-alice')),
        sticky: { enabled: true, bindingDays: 0, fallbackToDestinations: true },
      },
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
      body: alternative(
        staff('staff-alice'),
        staff('staff-bob'),
        staff('staff-carol'),
        staff('staff-dave'),
        staff('staff-ghost'),
      ),
      path: ['rule', 'destinations', 4, 'destination', 'staffId'],
      message: /no staff member 'staff-ghost'/,
    },
    {
      why: 'caller-ID allowlist: staff of this organisation only',
      id: 'num-sales',
      section: 'routing',
      body: {
        ...alternative(staff('staff-alice')),
        callerIds: { destinationStaff: true, staffIds: ['staff-bob', 'staff-ghost'], allStaff: false },
      },
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
    {
      why: 'basic info: only the display name',
      id: 'num-sales',
      section: 'basic',
      body: { displayName: 'x', number: '+442071111111' },
      path: [],
      message: /Only the display name/,
    },
    {
      why: 'basic info: display name up to 60 characters',
      id: 'num-sales',
      section: 'basic',
      body: { displayName: 'x'.repeat(61) },
      path: ['displayName'],
      message: /60/,
    },
    {
      why: 'company blast: up to 5 agents',
      id: 'num-company',
      section: 'company',
      body: {
        ...companyBase,
        defaultRule: {
          kind: 'blast',
          staffIds: ['staff-alice', 'staff-bob', 'staff-carol', 'staff-dave', 'staff-super', 'staff-admin'],
        },
      },
      path: ['defaultRule', 'staffIds'],
      message: /up to 5 agents/,
    },
    {
      why: 'company custom rules: up to 10',
      id: 'num-company',
      section: 'company',
      body: {
        ...companyBase,
        customRules: Array.from({ length: 11 }, (_, i) =>
          rule(`Rule ${i}`, ['mon'], `${String(i).padStart(2, '0')}:00`, `${String(i).padStart(2, '0')}:30`),
        ),
      },
      path: ['customRules'],
      message: /Up to 10 custom rules/,
    },
    {
      why: 'company custom rules: active hours must not overlap',
      id: 'num-company',
      section: 'company',
      body: {
        ...companyBase,
        customRules: [rule('Days', weekdays, '09:00', '17:00'), rule('Late', ['wed'], '16:30', '22:00')],
      },
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
      body: {
        ...companyBase,
        customRules: [
          {
            ...rule('Ghost', ['sun'], '10:00', '11:00'),
            route: { kind: 'blast', staffIds: ['staff-bob', 'staff-ghost'] },
          },
        ],
      },
      path: ['customRules', 0, 'route', 'staffIds', 1],
      message: /staff-ghost/,
    },
    {
      why: 'main number: reserved or active only',
      id: 'num-main',
      section: 'main',
      body: { state: 'paused', inHours: branch, outOfHours: branch },
      path: ['state'],
      message: /reserved or active/,
    },
    {
      why: 'main number: the PIN is only reset, never set',
      id: 'num-main',
      section: 'main',
      body: { state: 'active', inHours: branch, outOfHours: branch, voicemailPin: '1234' },
      path: [],
      message: /resetting/,
    },
    {
      why: 'main number: reception is a staff member of this organisation',
      id: 'num-main',
      section: 'main',
      body: {
        state: 'active',
        inHours: {
          huntGroup: { staffIds: [] },
          then: { kind: 'main-reception', staffId: 'staff-ghost', greeting: 'Hi' },
        },
        outOfHours: branch,
      },
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
    const res = await admin.put('/api/org/business-hours', {
      timeZone: 'Europe/London',
      windows: [
        { days: ['mon'], start: '09:00', end: '17:00' },
        { days: ['mon'], start: '12:00', end: '13:00' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'INVALID_INPUT', path: ['windows', 1] });
    expect((await admin.get('/api/org/business-hours')).body).toEqual(before);
  });

  test('business hours: a real time zone', async () => {
    const res = await admin.put('/api/org/business-hours', { timeZone: 'GMT+1', windows: [] });
    expect(res.body.error).toMatchObject({ code: 'INVALID_INPUT', path: ['timeZone'] });
  });
});
