import { classifyDialString, EXTENSION_PATTERN, PHONE_NUMBER_PATTERN } from './dial-plan';

test.each([
  ['100', 'extension'],
  ['1001', 'extension'],
  ['123456', 'extension'],
  ['1234567', 'phone-number'],
  ['02071234567', 'phone-number'],
  ['+442071234567', 'phone-number'],
  ['+44 20 7123 4567', 'phone-number'],
  ['(020) 7123-4567', 'phone-number'],
  ['*98', 'service'],
  ['*99', null],
  ['12', null],
  ['+123456', null],
  ['1234567890123456', null],
  ['12a4', null],
  ['', null],
])('%s is %s', (input, kind) => {
  expect(classifyDialString(input)).toBe(kind);
});

test('the patterns are plain POSIX regular expressions (no JavaScript-only syntax) for Kamailio', () => {
  for (const p of [EXTENSION_PATTERN, PHONE_NUMBER_PATTERN]) expect(p).toMatch(/^\^[-\\+?[\]0-9{},]*\$$/);
});
