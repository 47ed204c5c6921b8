import { mintEphemeralCredentials } from './ephemeral-credentials';

test('ephemeral credentials follow the auth_ephemeral format', () => {
  const c = mintEphemeralCredentials('secret', '1001', 3600, 1_700_000_000_500);
  expect(c.username).toBe('1700003600:1001');
  expect(c.expiresAt).toBe(1_700_003_600_000);
  // openssl: printf '1700003600:1001' | openssl dgst -sha1 -hmac secret -binary | base64
  expect(c.password).toBe('x+o+uou1gEOIeTdZl38YFS+xmqU=');
});
