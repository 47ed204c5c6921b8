import { expect, test } from 'vitest';
import { textBodySchema } from './notifications';

test.each([
  ['a plain text', 'Call me back at 3', true],
  ['tabs and line breaks', 'Line one\r\nline two\tend', true],
  ['emoji (a surrogate pair)', 'Thanks 👍', true],
  ['a NUL', 'a\u0000b', false],
  ['an escape', 'a\u001bb', false],
  ['a DEL', 'a\u007fb', false],
  ['a vertical tab', 'a\u000bb', false],
  ['a lone surrogate', 'a\ud800b', false],
])('%s is accepted: %s', (_name, body, ok) => {
  expect(textBodySchema.safeParse(body).success).toBe(ok);
});
