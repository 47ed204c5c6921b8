import { createMicKeeper } from './mic-keeper';
import { flush } from './test-support/fake-user-agent';

type FakeTrack = MediaStreamTrack & { device: string; clones: FakeTrack[]; end(): void };

function fakeTrack(device: string): FakeTrack {
  const listeners: (() => void)[] = [];
  const track = {
    kind: 'audio',
    device,
    readyState: 'live' as MediaStreamTrackState,
    clones: [] as FakeTrack[],
    stop: vi.fn(() => void (track.readyState = 'ended')),
    clone: () => {
      const c = fakeTrack(device);
      track.clones.push(c);
      return c;
    },
    addEventListener: (_: string, fn: () => void) => listeners.push(fn),
    end: () => {
      track.readyState = 'ended';
      listeners.forEach((fn) => fn());
    },
  };
  return track as unknown as FakeTrack;
}

const mic = (device?: string): MediaStreamConstraints => ({
  audio: device ? { deviceId: { exact: device } } : {},
  video: false,
});
const deviceOf = (c: MediaStreamConstraints) =>
  ((c.audio as MediaTrackConstraints).deviceId as { exact: string } | undefined)?.exact ?? 'default';

function keeper(opts: { refuse?: boolean } = {}) {
  const opened: FakeTrack[] = [];
  const reopened = vi.fn();
  const getUserMedia = vi.fn(async (c: MediaStreamConstraints) => {
    if (opts.refuse) throw Object.assign(new Error('denied'), { name: 'NotAllowedError' });
    const t = fakeTrack(deviceOf(c));
    opened.push(t);
    return { getAudioTracks: () => [t], getTracks: () => [t] } as unknown as MediaStream;
  });
  const k = createMicKeeper({
    getUserMedia,
    makeStream: (tracks) => ({ getAudioTracks: () => tracks, getTracks: () => tracks }) as unknown as MediaStream,
    onReopened: reopened,
  });
  return { k, opened, getUserMedia, reopened };
}

test('a held microphone gives each call a clone; hanging up (stopping the clone) keeps it open', async () => {
  const { k, opened, getUserMedia } = keeper();
  await k.hold(mic());
  const first = (await k.streamFor(mic())).getAudioTracks()[0]!;
  first.stop();
  const second = (await k.streamFor(mic())).getAudioTracks()[0]!;
  expect(getUserMedia).toHaveBeenCalledTimes(1);
  expect(opened[0]!.clones).toEqual([first, second]);
  expect(opened[0]!.stop).not.toHaveBeenCalled();
  expect(k.holding()).toBe(true);
});

test('released, or asked for another device, it opens the microphone for that call as before', async () => {
  const { k, getUserMedia } = keeper();
  await k.hold(mic());
  await k.streamFor(mic('headset'));
  expect(getUserMedia).toHaveBeenLastCalledWith(mic('headset'));
  k.release();
  expect(k.holding()).toBe(false);
  await k.streamFor(mic());
  expect(getUserMedia).toHaveBeenCalledTimes(3);
});

test('release stops the microphone (the browser indicator goes off)', async () => {
  const { k, opened } = keeper();
  await k.hold(mic());
  k.release();
  expect(opened[0]!.stop).toHaveBeenCalled();
});

test('a new device is opened first, then the old one let go', async () => {
  const { k, opened } = keeper();
  await k.hold(mic());
  await k.hold(mic('headset'));
  expect(opened.map((t) => t.device)).toEqual(['default', 'headset']);
  expect(opened[0]!.stop).toHaveBeenCalled();
  expect(opened[1]!.stop).not.toHaveBeenCalled();
  const clone = (await k.streamFor(mic('headset'))).getAudioTracks()[0] as FakeTrack;
  expect(opened[1]!.clones).toEqual([clone]);
});

test('a track that ends (device unplugged) is opened again and the owner told', async () => {
  const { k, opened, reopened } = keeper();
  await k.hold(mic());
  opened[0]!.end();
  await flush();
  expect(opened).toHaveLength(2);
  expect(reopened).toHaveBeenCalledTimes(1);
  expect(k.holding()).toBe(true);
});

test('a refused microphone holds nothing, and a call still asks the browser itself', async () => {
  const { k, getUserMedia } = keeper({ refuse: true });
  await k.hold(mic());
  expect(k.holding()).toBe(false);
  await expect(k.streamFor(mic())).rejects.toThrow('denied');
  expect(getUserMedia).toHaveBeenCalledTimes(2);
});

test('released while opening: the late stream is stopped at once', async () => {
  const { k, opened } = keeper();
  const pending = k.hold(mic());
  k.release();
  await pending;
  expect(opened[0]!.stop).toHaveBeenCalled();
  expect(k.holding()).toBe(false);
});
