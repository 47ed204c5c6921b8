import { isUdpHostCandidate, whenHostCandidatesIn } from './call-sdh';
import { manualTimers } from './test-support/fake-user-agent';

const UDP_HOST = 'candidate:1 1 udp 2122260223 127.0.0.1 43949 typ host generation 0';
const TCP_HOST = 'candidate:2 1 tcp 1518280447 127.0.0.1 9 typ host tcptype active generation 0';
const SRFLX = 'candidate:3 1 udp 1686052607 203.0.113.9 5000 typ srflx raddr 10.0.0.2 rport 5000';

function fakePc(sdp = '') {
  const listeners = new Set<(e: RTCPeerConnectionIceEvent) => void>();
  return {
    localDescription: { sdp } as RTCSessionDescription,
    addEventListener: (_: string, fn: (e: RTCPeerConnectionIceEvent) => void) => listeners.add(fn),
    removeEventListener: (_: string, fn: (e: RTCPeerConnectionIceEvent) => void) => listeners.delete(fn),
    emit: (candidate: string | null) =>
      listeners.forEach((fn) => fn({ candidate: candidate ? { candidate } : null } as RTCPeerConnectionIceEvent)),
    listeners,
  };
}

test.each([
  [UDP_HOST, true],
  [TCP_HOST, false],
  [SRFLX, false],
])('%s is a UDP host candidate: %s', (line, expected) => expect(isUdpHostCandidate(line)).toBe(expected));

test('gathering ends a moment after the first UDP host candidate, without waiting for the TCP one', async () => {
  const timers = manualTimers();
  const pc = fakePc();
  const done = vi.fn();
  whenHostCandidatesIn(pc as unknown as RTCPeerConnection, { timers, settleMs: 20 }, done);
  pc.emit(TCP_HOST);
  await timers.advance(1000);
  expect(done).not.toHaveBeenCalled();
  pc.emit(UDP_HOST);
  expect(pc.listeners.size).toBe(0);
  await timers.advance(19);
  expect(done).not.toHaveBeenCalled();
  await timers.advance(1);
  expect(done).toHaveBeenCalledTimes(1);
});

test('candidates already in the local description count (a pre-warmed connection)', async () => {
  const timers = manualTimers();
  const pc = fakePc(`v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=${UDP_HOST}\r\n`);
  const done = vi.fn();
  whenHostCandidatesIn(pc as unknown as RTCPeerConnection, { timers, settleMs: 20 }, done);
  await timers.advance(20);
  expect(done).toHaveBeenCalledTimes(1);
});

test('cancelled (gathering completed first): nothing fires later', async () => {
  const timers = manualTimers();
  const pc = fakePc();
  const done = vi.fn();
  const cancel = whenHostCandidatesIn(pc as unknown as RTCPeerConnection, { timers, settleMs: 20 }, done);
  pc.emit(UDP_HOST);
  cancel();
  await timers.advance(100);
  expect(done).not.toHaveBeenCalled();
  expect(timers.pending()).toEqual([]);
});
