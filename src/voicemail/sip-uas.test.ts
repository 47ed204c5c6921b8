import { describe, expect, test } from 'vitest';
import { tone, silence } from './audio';
import { Recorder } from './recorder';
import { buildAnswer, parseOffer } from './sdp';
import { buildResponse, parseSip, type SipRequest } from './sip-message';
import { targetOf } from './sip-uas';

describe('what a request-URI asks the voicemail service for', () => {
  test.each([
    { uri: 'sip:vm-num-bookings@127.0.0.1:5070', target: { kind: 'box', boxId: 'num-bookings' } },
    {
      uri: 'sip:portal-ext-1001@127.0.0.1:5070',
      target: { kind: 'portal', who: { kind: 'extension', extension: '1001' } },
    },
    {
      uri: 'sip:portal-num-442079460001@127.0.0.1:5070',
      target: { kind: 'portal', who: { kind: 'number', number: '442079460001' } },
    },
    {
      uri: 'sip:portal-ext-123456@127.0.0.1:5070',
      target: { kind: 'portal', who: { kind: 'extension', extension: '123456' } },
    },
    { uri: 'sip:portal-ext-1234567@127.0.0.1:5070', target: undefined },
    { uri: 'sip:portal-num-123456@127.0.0.1:5070', target: undefined },
    { uri: 'sip:portal-ext-1@127.0.0.1:5070', target: undefined },
    { uri: 'sip:vm-@127.0.0.1:5070', target: undefined },
    { uri: 'sip:1001@127.0.0.1', target: undefined },
  ])('$uri', ({ uri, target }) => expect(targetOf(uri)).toEqual(target));
});

const invite = [
  'INVITE sip:vm-n1@127.0.0.1:5070 SIP/2.0',
  'Record-Route: <sip:127.0.0.1:5060;lr;ftag=abc>',
  'Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKk1',
  'v: SIP/2.0/UDP 127.0.0.1:6000;branch=z9hG4bKc1;received=127.0.0.1',
  'f: <sip:+447700900123@127.0.0.1>;tag=caller1',
  't: <sip:+442071234569@127.0.0.1>',
  'i: call-1',
  'CSeq: 1 INVITE',
  'Content-Type: application/sdp',
  'Content-Length: 140',
  '',
  'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 8 0 101\r\na=rtpmap:101 telephone-event/8000\r\n',
].join('\r\n');

test('an INVITE parses with compact headers; the response keeps every Via and adds our To tag', () => {
  const req = parseSip(invite) as SipRequest;
  expect(req).toMatchObject({ kind: 'request', method: 'INVITE', uri: 'sip:vm-n1@127.0.0.1:5070' });
  expect(req.headers.all('via')).toHaveLength(2);
  const res = parseSip(buildResponse(req, 200, 'OK', { toTag: 'vm1' }))!;
  expect(res).toMatchObject({ kind: 'response', status: 200 });
  expect(res.headers.all('via')).toEqual(req.headers.all('via'));
  expect(res.headers.get('to')).toBe('<sip:+442071234569@127.0.0.1>;tag=vm1');
  expect(res.headers.get('call-id')).toBe('call-1');
});

test('the offer names where to send PCMU and which telephone-event payload type to expect; the answer offers just those', () => {
  const offer = parseOffer((parseSip(invite) as SipRequest).body)!;
  expect(offer).toEqual({ host: '127.0.0.1', port: 40000, pcmu: true, telephoneEvents: [101] });
  const answer = buildAnswer({ host: '127.0.0.1', port: 41000, telephoneEvents: offer.telephoneEvents, sessionId: 7 });
  expect(answer).toContain('m=audio 41000 RTP/AVP 0 101');
  expect(parseOffer(answer)).toEqual({ host: '127.0.0.1', port: 41000, pcmu: true, telephoneEvents: [101] });
});

test('the recorder places audio by RTP timestamp (a lost packet is silence), counts only sound, and stops at its maximum', () => {
  const r = new Recorder(1, 0);
  const beep = tone(440, 20);
  r.add(beep, 1000, 10);
  r.add(silence(20), 1160, 30);
  r.add(beep, 1480, 50); // 1320 was lost
  expect(r.take().length).toBe(640);
  expect(r.soundMs).toBe(40);
  expect(r.lastSoundAt).toBe(50);
  for (let i = 4; i < 60; i++) r.add(beep, 1000 + i * 160, 60 + i);
  expect(r.full).toBe(true);
  expect(r.take().length).toBe(8000);
  expect(r.take(500).length).toBe(4000);
});
