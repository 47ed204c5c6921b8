import type { SipCredentials } from '../../common/auth';
import type { PhoneStatus } from '../../common/presence';
import { createPhone, type PhoneDeps } from '../phone';
import { FakeUserAgent, flush, manualTimers } from './fake-user-agent';

export const credentials: SipCredentials = {
  username: '1700000000:101',
  password: 'secret-1',
  uri: 'sip:101@example.test',
  displayName: 'Ada Agent',
  domain: 'example.test',
  wsUrl: 'wss://sip.example.test/ws',
  expiresAt: 1_700_000_000_000,
};

export function fakeMediaDevices() {
  const tracks: MediaStreamTrack[] = [];
  const getUserMedia = vi.fn(async (_constraints?: MediaStreamConstraints) => {
    const track = { kind: 'audio', enabled: true, stop: vi.fn() } as unknown as MediaStreamTrack;
    tracks.push(track);
    return { getAudioTracks: () => [track] } as unknown as MediaStream;
  });
  const enumerateDevices = vi.fn(async () => [
    { kind: 'audioinput', deviceId: 'default', label: 'Default mic' },
    { kind: 'audioinput', deviceId: 'headset-mic', label: '' },
    { kind: 'audiooutput', deviceId: 'headset', label: 'Headset' },
    { kind: 'videoinput', deviceId: 'cam', label: 'Camera' },
  ]);
  const mediaDevices = {
    getUserMedia,
    enumerateDevices,
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
  } as unknown as MediaDevices;
  return { mediaDevices, getUserMedia, tracks };
}

export function fakeAudioElement() {
  return {
    srcObject: null as MediaStream | null,
    autoplay: false,
    play: vi.fn(async () => undefined),
    pause: vi.fn(),
    setSinkId: vi.fn(async (_id: string) => undefined),
  };
}

/** A phone on a fake user agent and a hand-driven clock. */
export function phoneHarness(deps: Partial<PhoneDeps> = {}) {
  const timers = manualTimers();
  const agents: FakeUserAgent[] = [];
  const statuses: PhoneStatus[] = [];
  const audio: ReturnType<typeof fakeAudioElement>[] = [];
  const media = fakeMediaDevices();
  const phone = createPhone({
    createUserAgent: (options) => {
      const ua = new FakeUserAgent(options);
      agents.push(ua);
      return ua;
    },
    mediaDevices: media.mediaDevices,
    createAudioElement: () => {
      const el = fakeAudioElement();
      audio.push(el);
      return el as unknown as HTMLAudioElement;
    },
    now: timers.now,
    setTimeout: timers.setTimeout,
    clearTimeout: timers.clearTimeout,
    onStatus: (s) => statuses.push(s),
    ...deps,
  });
  const ua = () => {
    const last = agents.at(-1);
    if (!last) throw new Error('no user agent created');
    return last;
  };
  const state = () => phone.store.getState();
  const call = (id: string) => state().calls.find((c) => c.id === id);
  /** Started, connected and registered. */
  const registered = async () => {
    await phone.start(credentials);
    ua().registerer.accept();
    await flush();
  };
  return { phone, timers, agents, ua, statuses, audio, media, state, call, registered };
}
