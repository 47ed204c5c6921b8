import { companyNumberSettingsSchema } from './company-number';
import { toAppError } from './zod-error';

const weekend = {
  name: 'Weekend',
  activeHours: { days: ['sat', 'sun'], start: '00:00', end: '23:59' },
  route: { kind: 'blast', staffIds: ['ana', 'ben'] },
};
const evenings = {
  name: 'Evenings',
  activeHours: { days: ['mon', 'tue', 'wed', 'thu'], start: '18:00', end: '08:00' },
  route: { kind: 'user', staffId: 'cy' },
};

function settings(patch: Record<string, unknown> = {}) {
  return {
    source: 'Website',
    tag: 'company-line',
    defaultRule: { kind: 'user', staffId: 'ana' },
    customRules: [weekend, evenings],
    ...patch,
  };
}

test('valid settings parse, custom rules default to none, ring timeout to 30 s', () => {
  expect(companyNumberSettingsSchema.parse(settings()).customRules).toHaveLength(2);
  const bare = companyNumberSettingsSchema.parse({
    source: 'Web',
    tag: 't',
    defaultRule: { kind: 'number', number: '+44 20 7946 0958' },
  });
  expect(bare).toMatchObject({ customRules: [], defaultRule: { number: '+442079460958', ringTimeoutSeconds: 30 } });
});

const rule = (index: number) => ({
  name: `Rule ${index}`,
  activeHours: {
    days: ['mon'],
    start: `${String(index).padStart(2, '0')}:00`,
    end: `${String(index).padStart(2, '0')}:30`,
  },
  route: { kind: 'user', staffId: 'ana' },
});

test.each([
  {
    rule: 'up to 10 custom rules',
    input: settings({ customRules: Array.from({ length: 11 }, (_, index) => rule(index)) }),
    path: ['customRules'],
    message: 'Up to 10 custom rules',
  },
  {
    rule: 'custom rules must not overlap',
    input: settings({
      customRules: [
        weekend,
        { ...evenings, name: 'Friday nights', activeHours: { days: ['fri'], start: '20:00', end: '02:00' } },
      ],
    }),
    path: ['customRules', 1, 'activeHours'],
    message: "Overlaps rule 'Weekend' (Sat, Sun 00:00–23:59); times must not overlap",
  },
  {
    rule: 'blast rings up to 5 agents',
    input: settings({ defaultRule: { kind: 'blast', staffIds: ['a', 'b', 'c', 'd', 'e', 'f'] } }),
    path: ['defaultRule', 'staffIds'],
    message: 'A blast rings up to 5 agents',
  },
  {
    rule: 'blast needs an agent',
    input: settings({ customRules: [{ ...weekend, route: { kind: 'blast', staffIds: [] } }] }),
    path: ['customRules', 0, 'route', 'staffIds'],
    message: 'Choose at least one agent',
  },
  {
    rule: 'number rule takes a valid phone number',
    input: settings({ defaultRule: { kind: 'number', number: '07700 900123' } }),
    path: ['defaultRule', 'number'],
    message: 'Start the number with + and the country code, in international format, e.g. +44 20 7946 0958',
  },
  {
    rule: 'rule kind is blast, user or number',
    input: settings({ defaultRule: { kind: 'everyone' } }),
    path: ['defaultRule', 'kind'],
    message: 'Choose a rule: blast, user or number',
  },
  {
    rule: 'rule names are unique',
    input: settings({ customRules: [weekend, { ...evenings, name: 'weekend' }] }),
    path: ['customRules', 1, 'name'],
    message: "Another rule is already called 'weekend'",
  },
])('refuses: $rule', ({ input, path, message }) => {
  const result = companyNumberSettingsSchema.safeParse(input);
  expect(result.success).toBe(false);
  expect(toAppError(result.error!).toJSON()).toEqual({ code: 'INVALID_INPUT', path, message });
});

test('ten non-overlapping custom rules are accepted', () => {
  expect(
    companyNumberSettingsSchema.safeParse(
      settings({ customRules: Array.from({ length: 10 }, (_, index) => rule(index)) }),
    ).success,
  ).toBe(true);
});
