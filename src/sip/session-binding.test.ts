import { isHoldOffer } from './session-binding';

const sdp = (...lines: string[]) =>
  ['v=0', 'o=- 1 2 IN IP4 127.0.0.1', 's=-', 'c=IN IP4 127.0.0.1', 't=0 0', ...lines].join('\r\n') + '\r\n';

test.each([
  ['sendrecv', false],
  ['recvonly', false],
  ['sendonly', true],
  ['inactive', true],
])('an offer with a=%s puts us on hold: %s', (direction, held) => {
  expect(isHoldOffer(sdp('m=audio 4000 RTP/AVP 0', `a=${direction}`))).toBe(held);
});

test('the audio section wins over the session level', () => {
  expect(isHoldOffer(sdp('a=sendonly', 'm=audio 4000 RTP/AVP 0', 'a=sendrecv'))).toBe(false);
  expect(isHoldOffer(sdp('a=inactive', 'm=audio 4000 RTP/AVP 0'))).toBe(true);
});

test('old-style hold with c=0.0.0.0', () => {
  expect(isHoldOffer(sdp('m=audio 4000 RTP/AVP 0', 'c=IN IP4 0.0.0.0'))).toBe(true);
});
