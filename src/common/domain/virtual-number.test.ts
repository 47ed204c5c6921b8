import { basicInfoUpdateSchema, routingSettingsFor, virtualNumberSchema } from './virtual-number';
import { toAppError } from './zod-error';

const ana = { kind: 'staff', staffId: 'ana' };
const ben = { kind: 'staff', staffId: 'ben' };
const cy = { kind: 'staff', staffId: 'cy' };

function standard(routing: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    id: 'vn-1',
    number: '+44 20 7946 0958',
    displayName: 'Sales',
    type: 'local',
    country: 'GB',
    city: 'London',
    timeZone: 'Europe/London',
    expiresAt: Date.UTC(2026, 0, 1),
    updatedAt: Date.UTC(2025, 5, 1),
    updatedBy: 'Ana Admin',
    kind: 'standard',
    routing: { rule: { kind: 'alternative', destinations: [{ destination: ana }] }, ...routing },
    ...extra,
  };
}

const voicemailOn = { enabled: true, greeting: 'Main greeting', autoDelete: 'monthly' };
const weekday = (destination: unknown, start = '09:00', end = '17:00') => ({
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  start,
  end,
  destination,
});

describe('a valid standard number', () => {
  test('parses with defaults: voicemail off, no fail-safe, sticky and engagement off, ring timeout 20 s', () => {
    const number = virtualNumberSchema.parse(standard({}));
    expect(number).toMatchObject({
      number: '+442079460958',
      routing: {
        rule: { destinations: [{ destination: ana, ringTimeoutSeconds: 20 }] },
        voicemail: { enabled: false },
        noAnswer: { failSafeNumber: null },
        sticky: { enabled: false },
        engagement: { enabled: false },
      },
    });
  });

  test.each([
    {
      name: 'five alternative destinations',
      routing: {
        rule: { kind: 'alternative', destinations: [ana, ben, cy, ana, ben].map((destination) => ({ destination })) },
      },
    },
    {
      name: 'weights adding up to 100',
      routing: {
        rule: {
          kind: 'percentage',
          destinations: [
            { destination: ana, weight: 70 },
            { destination: ben, weight: 30 },
          ],
        },
      },
    },
    {
      name: 'voicemail with one destination used in every window',
      routing: {
        voicemail: voicemailOn,
        rule: { kind: 'time', windows: [weekday(ana)], fallback: { destination: ana } },
      },
    },
    {
      name: 'voicemail as the only destination',
      routing: {
        voicemail: voicemailOn,
        rule: { kind: 'alternative', destinations: [{ destination: { kind: 'voicemail' } }] },
      },
    },
    {
      name: 'engagement on a local number',
      routing: { engagement: { enabled: true, bindingDays: 7, fallbackToDestinations: false } },
    },
    {
      name: 'back-to-back time windows',
      routing: {
        rule: {
          kind: 'time',
          windows: [weekday(ana, '09:00', '13:00'), weekday(ben, '13:00', '17:00')],
          fallback: { destination: cy },
        },
      },
    },
  ])('accepts $name', ({ routing }) => {
    expect(virtualNumberSchema.safeParse(standard(routing)).success).toBe(true);
  });
});

test.each([
  {
    rule: 'alternative routing: up to 5 destinations',
    input: standard({
      rule: { kind: 'alternative', destinations: [ana, ben, cy, ana, ben, cy].map((destination) => ({ destination })) },
    }),
    path: ['routing', 'rule', 'destinations'],
    message: 'Alternative routing allows up to 5 destinations',
  },
  {
    rule: 'percentage routing: weights sum to 100',
    input: standard({
      rule: {
        kind: 'percentage',
        destinations: [
          { destination: ana, weight: 60 },
          { destination: ben, weight: 30 },
        ],
      },
    }),
    path: ['routing', 'rule', 'destinations'],
    message: 'Weights must add up to 100 (now 90)',
  },
  {
    rule: 'percentage routing: whole-number weights',
    input: standard({
      rule: {
        kind: 'percentage',
        destinations: [
          { destination: ana, weight: 50.5 },
          { destination: ben, weight: 49.5 },
        ],
      },
    }),
    path: ['routing', 'rule', 'destinations', 0, 'weight'],
    message: 'Weights are whole percentages',
  },
  {
    rule: 'time routing: windows must not overlap',
    input: standard({
      rule: { kind: 'time', windows: [weekday(ana), weekday(ben, '16:00', '20:00')], fallback: { destination: cy } },
    }),
    path: ['routing', 'rule', 'windows', 1, 'start'],
    message: 'Overlaps window 1 (Mon, Tue, Wed, Thu, Fri 09:00–17:00); times must not overlap',
  },
  {
    rule: 'time routing: an overnight window must not run into the next morning’s window',
    input: standard({
      rule: {
        kind: 'time',
        windows: [
          { days: ['mon'], start: '20:00', end: '08:00', destination: ana },
          { days: ['tue'], start: '07:30', end: '12:00', destination: ben },
        ],
        fallback: { destination: cy },
      },
    }),
    path: ['routing', 'rule', 'windows', 1, 'start'],
    message: 'Overlaps window 1 (Mon 20:00–08:00); times must not overlap',
  },
  {
    rule: 'voicemail on: only one destination (alternative)',
    input: standard({
      voicemail: voicemailOn,
      rule: { kind: 'alternative', destinations: [{ destination: ana }, { destination: ben }] },
    }),
    path: ['routing', 'rule', 'destinations'],
    message: 'With voicemail on, the number may have only one destination (now 2)',
  },
  {
    rule: 'voicemail on: only one destination (time windows and fallback)',
    input: standard({
      voicemail: voicemailOn,
      rule: { kind: 'time', windows: [weekday(ana)], fallback: { destination: ben } },
    }),
    path: ['routing', 'rule', 'windows'],
    message: 'With voicemail on, the number may have only one destination (now 2)',
  },
  {
    rule: 'voicemail: auto-deletion period is one of the four',
    input: standard({ voicemail: { enabled: false, greeting: null, autoDelete: 'yearly' } }),
    path: ['routing', 'voicemail', 'autoDelete'],
    message: 'Choose how often messages are deleted: weekly, two-weeks, monthly or quarterly',
  },
  {
    rule: 'voicemail destination needs voicemail on',
    input: standard({
      rule: { kind: 'alternative', destinations: [{ destination: ana }, { destination: { kind: 'voicemail' } }] },
    }),
    path: ['routing', 'rule', 'destinations', 1, 'destination'],
    message: 'Turn voicemail on to use it as a destination',
  },
  {
    rule: 'engagement mode: local numbers only',
    input: standard(
      { engagement: { enabled: true, bindingDays: 7, fallbackToDestinations: true } },
      { type: 'toll-free', number: '+1 800 555 0100', country: 'US' },
    ),
    path: ['routing', 'engagement', 'enabled'],
    message: 'Engagement mode is only available on local numbers',
  },
  {
    rule: 'sticky routing: whole days',
    input: standard({ sticky: { enabled: true, bindingDays: 0, fallbackToDestinations: true } }),
    path: ['routing', 'sticky', 'bindingDays'],
    message: 'Bind for at least 1 day',
  },
  {
    rule: 'fail-safe number is a phone number',
    input: standard({ noAnswer: { failSafeNumber: '12345' } }),
    path: ['routing', 'noAnswer', 'failSafeNumber'],
    message: 'Start the number with + and the country code, in international format, e.g. +44 20 7946 0958',
  },
  {
    rule: 'external destination number is validated',
    input: standard({
      rule: { kind: 'alternative', destinations: [{ destination: { kind: 'external', number: '+44 20' } }] },
    }),
    path: ['routing', 'rule', 'destinations', 0, 'destination', 'number'],
    message: 'This is not a valid phone number; write it in international format, e.g. +44 20 7946 0958',
  },
  {
    rule: 'group dial pattern is one of the four',
    input: standard({
      rule: {
        kind: 'alternative',
        destinations: [{ destination: { kind: 'group', staffIds: ['ana'], pattern: 'random' } }],
      },
    }),
    path: ['routing', 'rule', 'destinations', 0, 'destination', 'pattern'],
    message: 'Choose a dial pattern: simultaneous, round-robin, sequential or least-connected',
  },
  {
    rule: 'an empty group is refused',
    input: standard({
      rule: {
        kind: 'alternative',
        destinations: [{ destination: { kind: 'group', staffIds: [], pattern: 'sequential' } }],
      },
    }),
    path: ['routing', 'rule', 'destinations', 0, 'destination', 'staffIds'],
    message: 'Add at least one staff member to the group',
  },
  {
    rule: 'ring timeout at least 5 s',
    input: standard({ rule: { kind: 'alternative', destinations: [{ destination: ana, ringTimeoutSeconds: 2 }] } }),
    path: ['routing', 'rule', 'destinations', 0, 'ringTimeoutSeconds'],
    message: 'Ring for at least 5 seconds',
  },
  {
    rule: 'time zone is an IANA name',
    input: standard({}, { timeZone: 'GMT+1' }),
    path: ['timeZone'],
    message: 'Choose a time zone by its region name, e.g. Europe/London',
  },
  {
    rule: 'number type is local or toll-free',
    input: standard({}, { type: 'mobile' }),
    path: ['type'],
    message: 'Choose local or toll-free',
  },
])('refuses: $rule', ({ input, path, message }) => {
  const result = virtualNumberSchema.safeParse(input);
  expect(result.success).toBe(false);
  const error = toAppError(result.error!);
  expect({ code: error.code, path: error.path, message: error.message }).toEqual({
    code: 'INVALID_INPUT',
    path,
    message,
  });
});

test('routingSettingsFor(toll-free) refuses engagement at engagement.enabled', () => {
  const result = routingSettingsFor('toll-free').safeParse({
    rule: { kind: 'alternative', destinations: [{ destination: ana }] },
    engagement: { enabled: true, bindingDays: 3, fallbackToDestinations: false },
  });
  expect(result.error?.issues.map((issue) => issue.path)).toEqual([['engagement', 'enabled']]);
  expect(
    routingSettingsFor('local').safeParse({
      rule: { kind: 'alternative', destinations: [{ destination: ana }] },
      engagement: { enabled: true, bindingDays: 3, fallbackToDestinations: false },
    }).success,
  ).toBe(true);
});

test.each([
  { input: { displayName: 'Support line' }, ok: true },
  { input: { displayName: 'x'.repeat(61) }, ok: false, message: 'Display names are up to 60 characters' },
  { input: { displayName: 'Support', city: 'Paris' }, ok: false, message: 'Only the display name can be edited' },
])('basic info update $input', ({ input, ok, message }) => {
  const result = basicInfoUpdateSchema.safeParse(input);
  expect(result.success).toBe(ok);
  if (!ok) expect(result.error?.issues[0]?.message).toBe(message);
});
