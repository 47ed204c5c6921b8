import { describe, expect, test } from 'vitest';
import { gatewaySourceRegex, originRegex, parseGatewayList, parseOrigins, trustedGatewaySources } from './sip-trust';

/** Kamailio matches with POSIX ERE; for these patterns JavaScript's RegExp agrees. */
const matches = (re: string, s: string) => new RegExp(re).test(s);

describe('the phone network is exactly the configured gateway addresses', () => {
  const sources = trustedGatewaySources('127.0.0.2:5080', '10.0.0.7, 10.0.0.8:5062');
  test.each([
    ['127.0.0.2:5080', true, 'PSTN_GATEWAY itself'],
    ['127.0.0.2:40000', false, 'the gateway host, another port'],
    ['127.0.0.1:5080', false, 'another loopback address'],
    ['10.0.0.7:1234', true, 'an inbound gateway named by address: any port'],
    ['10.0.0.8:5062', true, 'an inbound gateway with its port'],
    ['10.0.0.8:5063', false, 'that gateway, another port'],
    ['110.0.0.7:1234', false, 'an address that merely contains a gateway address'],
    ['10.0.0.70:1', false, 'a longer address with the same prefix'],
  ])('%s → %s (%s)', (src, trusted) => {
    expect(matches(gatewaySourceRegex(sources), src)).toBe(trusted);
  });

  test('no gateways: nobody is the phone network', () => {
    expect(matches(gatewaySourceRegex([]), '127.0.0.2:5080')).toBe(false);
  });

  test.each(['gateway.example.com:5060', '127.0.0.2:99999', '1.2.3:5060', '127.0.0.2;x'])(
    '"%s" is refused, naming the setting',
    (entry) => {
      expect(() => parseGatewayList(entry, 'INBOUND_GATEWAYS')).toThrow(/INBOUND_GATEWAYS/);
    },
  );
});

describe("the WebSocket accepts exactly the companion's origins", () => {
  const origins = parseOrigins('http://127.0.0.1:8080, https://phones.example.com');
  test.each([
    ['http://127.0.0.1:8080', true],
    ['https://phones.example.com', true],
    ['https://phones.example.com.evil.test', false],
    ['https://evil.test/https://phones.example.com', false],
    ['http://127.0.0.1:80800', false],
    ['http://127.0.0.1', false],
  ])('%s → %s', (origin, ok) => {
    expect(matches(originRegex(origins), origin)).toBe(ok);
  });

  test('a path, query or non-http origin is refused', () => {
    expect(() => parseOrigins('https://x.example/app')).toThrow(/PUBLIC_ORIGINS/);
    expect(() => parseOrigins('ftp://x.example')).toThrow(/PUBLIC_ORIGINS/);
  });
});
