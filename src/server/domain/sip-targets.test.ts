import { targetUri } from './sip-targets';

const cfg = { sipDomain: '127.0.0.1', pstnGateway: '127.0.0.1:5080', voicemailSip: '127.0.0.1:5070' };
const ext = (id: string) => (id === 'ana' ? '1001' : null);

test.each([
  { target: { kind: 'staff' as const, staffId: 'ana', reason: '' }, uri: 'sip:1001@127.0.0.1' },
  { target: { kind: 'staff' as const, staffId: 'nobody', reason: '' }, uri: undefined },
  {
    target: { kind: 'external' as const, number: '+442071234567', reason: '' },
    uri: 'sip:+442071234567@127.0.0.1:5080',
  },
  {
    target: {
      kind: 'external' as const,
      number: '+442071234567',
      dialExtension: '204#',
      dialDelaySeconds: 3,
      reason: '',
    },
    uri: 'sip:+442071234567@127.0.0.1:5080;ext=204%23;ext-delay=3',
  },
  {
    target: { kind: 'voicemail' as const, boxId: 'num-bookings', reason: '' },
    uri: 'sip:vm-num-bookings@127.0.0.1:5070',
  },
])('$target.kind target → $uri', ({ target, uri }) => {
  expect(targetUri(target, ext, cfg)).toBe(uri);
});
