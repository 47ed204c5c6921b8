import { presentedHookToken, sameHookToken } from './hook-guard';

const request = (headers: Record<string, string>) => ({
  get: (name: string) => headers[name.toLowerCase()],
});
const basic = (userPass: string) => `Basic ${Buffer.from(userPass).toString('base64')}`;

describe('the token a hook request presents', () => {
  test.each([
    ['the X-Hook-Token header', { 'x-hook-token': 'tok-1' }, 'tok-1'],
    ['the password of Basic authorization', { authorization: basic('kamailio:tok-1') }, 'tok-1'],
    ['a password containing a colon', { authorization: basic('kamailio:a:b') }, 'a:b'],
    ['the header before Basic', { 'x-hook-token': 'tok-1', authorization: basic('kamailio:other') }, 'tok-1'],
    ['Basic without a colon', { authorization: basic('tok-1') }, ''],
    ['another scheme', { authorization: 'Bearer tok-1' }, ''],
    ['nothing', {}, ''],
  ])('%s', (_name, headers, expected) => {
    expect(presentedHookToken(request(headers))).toBe(expected);
  });

  test('only the exact token matches', () => {
    expect(sameHookToken('tok-1', 'tok-1')).toBe(true);
    expect(sameHookToken('tok-2', 'tok-1')).toBe(false);
    expect(sameHookToken('tok-', 'tok-1')).toBe(false);
    expect(sameHookToken('', 'tok-1')).toBe(false);
  });
});
