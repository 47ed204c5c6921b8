import { callerNumberSchema, e164Schema, normalisePhoneNumber, samePhoneNumber, toE164 } from './phone-number';

describe('e164Schema', () => {
  test.each([
    { input: '+44 20 7946 0958', e164: '+442079460958' },
    { input: '+44 (0)20 7946-0958', e164: '+442079460958' },
    { input: '0044 20 7946 0958', e164: '+442079460958' },
    { input: '  +1 (212) 555-0123 ', e164: '+12125550123' },
    { input: '+61 2 9876 5432', e164: '+61298765432' },
  ])('normalises $input to $e164', ({ input, e164 }) => {
    expect(e164Schema.parse(input)).toBe(e164);
  });

  test.each([
    { input: '', message: 'Enter a phone number in international format, e.g. +44 20 7946 0958' },
    {
      input: '020 7946 0958',
      message: 'Start the number with + and the country code, in international format, e.g. +44 20 7946 0958',
    },
    {
      input: '+44 20',
      message: 'This is not a valid phone number; write it in international format, e.g. +44 20 7946 0958',
    },
    {
      input: '+999 1234 5678',
      message: 'This is not a valid phone number; write it in international format, e.g. +44 20 7946 0958',
    },
    { input: 42, message: 'Enter a phone number in international format, e.g. +44 20 7946 0958' },
  ])('refuses $input', ({ input, message }) => {
    const result = e164Schema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([message]);
  });
});

test.each([
  { a: '+44 20 7946 0958', b: '+442079460958', same: true },
  { a: '0044 20 7946 0958', b: '+44 (0)20 7946 0958', same: true },
  { a: '+442079460958', b: '+442079460959', same: false },
  { a: 'anonymous', b: 'anonymous', same: false },
  { a: '+447700900123', b: '+44 7700 900123', same: true },
  { a: '+447700900123', b: '+447700900124', same: false },
])('samePhoneNumber($a, $b) is $same', ({ a, b, same }) => {
  expect(samePhoneNumber(a, b)).toBe(same);
});

test('toE164 answers null for national numbers', () => {
  expect(toE164('020 7946 0958')).toBeNull();
});

describe('callerNumberSchema (who would ring: any deliverable caller)', () => {
  test.each([
    { input: '+44 7700 900123', e164: '+447700900123' },
    { input: '+44 20 7946 0958', e164: '+442079460958' },
    { input: '0044 7700 900456', e164: '+447700900456' },
  ])('accepts $input as $e164', ({ input, e164 }) => {
    expect(callerNumberSchema.parse(input)).toBe(e164);
  });

  test.each([
    { input: '', message: 'Enter a phone number in international format, e.g. +44 20 7946 0958' },
    {
      input: '07700 900123',
      message: 'Start the number with + and the country code, in international format, e.g. +44 20 7946 0958',
    },
    { input: '+44 20', message: 'This is not a phone number; write it in international format, e.g. +44 20 7946 0958' },
  ])('refuses $input', ({ input, message }) => {
    expect(callerNumberSchema.safeParse(input).error?.issues.map((i) => i.message)).toEqual([message]);
  });
});

test.each([
  ['020 7123 4567', 'GB', '+442071234567'],
  ['07911 123456', 'GB', '+447911123456'],
  ['+1 800 555 0100', 'GB', '+18005550100'],
  ['0044 20 7123 4567', 'US', '+442071234567'],
  ['(212) 555-0123', 'US', '+12125550123'],
  ['12345', 'GB', null],
])('normalisePhoneNumber(%s, %s) = %s', (input, country, e164) => {
  expect(normalisePhoneNumber(input, country)).toBe(e164);
});
