import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { hookToken } from '../../src/server/auth/hook-token';
import { E164_PATTERN, EXTENSION_PATTERN, PHONE_NUMBER_DIGITS, PHONE_NUMBER_PATTERN } from '../../src/common/dial-plan';
import { KAMAILIO_TEMPLATE, renderKamailioConfig } from './kamailio';

const options = {
  runDir: '/tmp/switchboard-render-test',
  sipPort: 5060,
  wsPort: 5066,
  authSecret: 'render-test-secret-0123456789',
  domain: '127.0.0.1',
  rtpengineNg: 'udp:127.0.0.1:22222',
  hookUrl: 'http://127.0.0.1:3001',
  gateways: [{ host: '127.0.0.2', port: 5080 }],
  publicOrigins: ['http://127.0.0.1:5173'],
};

test('the template counts no digits of its own: every digit range comes from the dial plan', () => {
  const template = readFileSync(KAMAILIO_TEMPLATE, 'utf8');
  expect(template.match(/\[0-9\]\{|\\d\{/g) ?? []).toEqual([]);
});

test("Kamailio's patterns are the dial plan's, so a 6-digit extension is an extension there too", () => {
  const rendered = renderKamailioConfig(options);
  for (const pattern of [EXTENSION_PATTERN, PHONE_NUMBER_PATTERN, E164_PATTERN]) {
    expect(rendered).toContain(`"${pattern}"`);
  }
  expect(rendered).toContain(`"^\\*98${PHONE_NUMBER_DIGITS}$"`);
  const extension = /=~ "(\^\[0-9\][^"]*)"/.exec(rendered)?.[1];
  expect(extension).toBe(EXTENSION_PATTERN);
  expect(new RegExp(extension!).test('123456')).toBe(true);
  expect(new RegExp(PHONE_NUMBER_PATTERN).test('123456')).toBe(false);
  expect(rendered).not.toMatch(/\{\{\w+\}\}/);
});

test('every hook to the companion goes over the pooled keep-alive connection, the token only in its definition', () => {
  const rendered = renderKamailioConfig(options);
  const code = rendered
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .join('\n');
  expect(code).not.toMatch(/http_client_query|http_get|http_async_query/);
  expect(code).not.toContain(options.hookUrl);
  expect(code.match(/http_connect\("companion"/g)?.length).toBeGreaterThanOrEqual(7);
  const token = hookToken(options.authSecret);
  expect(code.split(token).length - 1).toBe(1);
  expect(code).toContain(`"companion=>http://kamailio:${token}@127.0.0.1:3001"`);
});
