import { vi } from 'vitest';
import type { PhoneProblem } from '../../common/presence-health';
import { createPhoneHealth, type PhoneHealthDeps } from './phone-health';

const domError = (name: string) => Object.assign(new Error(name), { name });
const mic = { kind: 'audioinput', deviceId: 'm1', label: 'Headset', groupId: 'g' } as MediaDeviceInfo;
const speaker = { kind: 'audiooutput', deviceId: 's1', label: 'Speaker', groupId: 'g' } as MediaDeviceInfo;

/** A browser played by hand: its devices, its microphone permission, its autoplay policy. */
function fakeBrowser(
  opts: {
    devices?: MediaDeviceInfo[];
    permission?: PermissionState | 'none';
    getUserMedia?: () => Promise<MediaStream>;
    autoplay?: boolean;
  } = {},
) {
  const b = {
    devices: opts.devices ?? [mic, speaker],
    permission: opts.permission ?? 'granted',
    autoplay: opts.autoplay ?? true,
  };
  const devices = new EventTarget();
  const gestures = new EventTarget();
  const status = Object.defineProperty(new EventTarget(), 'state', { get: () => b.permission }) as PermissionStatus;
  const track = { stop: vi.fn() };
  const getUserMedia = vi.fn(
    opts.getUserMedia ?? (async () => ({ getTracks: () => [track] }) as unknown as MediaStream),
  );
  const resumeCalls = vi.fn();
  const deps: PhoneHealthDeps = {
    mediaDevices: Object.assign(devices, { enumerateDevices: async () => b.devices, getUserMedia }),
    permissions: {
      query: async () => (b.permission === 'none' ? Promise.reject(new TypeError('no such permission')) : status),
    },
    playSilence: async () => {
      if (!b.autoplay) throw domError('NotAllowedError');
    },
    gestures,
    resumeCalls,
  };
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return {
    b,
    deps,
    track,
    getUserMedia,
    resumeCalls,
    async plug(list: MediaDeviceInfo[]) {
      b.devices = list;
      devices.dispatchEvent(new Event('devicechange'));
      await settle();
    },
    async setPermission(p: PermissionState) {
      b.permission = p;
      status.dispatchEvent(new Event('change'));
      await settle();
    },
    async click() {
      gestures.dispatchEvent(new Event('pointerdown'));
      await settle();
    },
  };
}

async function started(browser: ReturnType<typeof fakeBrowser>) {
  const health = createPhoneHealth(browser.deps);
  await health.start();
  return health;
}

test.each<{ why: string; browser: Parameters<typeof fakeBrowser>[0]; want: PhoneProblem[] }>([
  { why: 'a microphone, permission granted, sound allowed', browser: {}, want: [] },
  { why: 'no audio input at all', browser: { devices: [speaker] }, want: ['no-microphone'] },
  { why: 'the permission denied', browser: { permission: 'denied' }, want: ['microphone-denied'] },
  { why: 'denied wins over no device', browser: { permission: 'denied', devices: [] }, want: ['microphone-denied'] },
  {
    why: 'not asked yet, the agent refuses',
    browser: { permission: 'prompt', getUserMedia: () => Promise.reject(domError('NotAllowedError')) },
    want: ['microphone-denied'],
  },
  {
    why: 'not asked yet, no device behind it',
    browser: { permission: 'prompt', getUserMedia: () => Promise.reject(domError('NotFoundError')) },
    want: ['no-microphone'],
  },
  { why: 'no Permissions API, microphone given', browser: { permission: 'none' }, want: [] },
  { why: 'sound blocked by autoplay', browser: { autoplay: false }, want: ['sound-blocked'] },
  { why: 'both, in one order', browser: { autoplay: false, devices: [] }, want: ['no-microphone', 'sound-blocked'] },
])('at sign-in: $why → $want', async ({ browser, want }) => {
  expect((await started(fakeBrowser(browser))).problems()).toEqual(want);
});

test('not asked yet: asks once at sign-in and lets the microphone go at once', async () => {
  const browser = fakeBrowser({ permission: 'prompt' });
  expect((await started(browser)).problems()).toEqual([]);
  expect(browser.getUserMedia).toHaveBeenCalledOnce();
  expect(browser.track.stop).toHaveBeenCalled();
});

test('granted: never opens the microphone just to check', async () => {
  const browser = fakeBrowser();
  await started(browser);
  expect(browser.getUserMedia).not.toHaveBeenCalled();
});

test('a headset unplugged and plugged back in: the problem comes and goes with devicechange', async () => {
  const browser = fakeBrowser();
  const health = await started(browser);
  await browser.plug([speaker]);
  expect(health.problems()).toEqual(['no-microphone']);
  await browser.plug([mic, speaker]);
  expect(health.problems()).toEqual([]);
});

test("the permission revoked and given back: follows the permission's change", async () => {
  const browser = fakeBrowser();
  const health = await started(browser);
  await browser.setPermission('denied');
  expect(health.problems()).toEqual(['microphone-denied']);
  await browser.setPermission('granted');
  expect(health.problems()).toEqual([]);
});

test('sound blocked: "Click to enable sound" (a click the browser honours) clears it and replays the calls', async () => {
  const browser = fakeBrowser({ autoplay: false });
  const health = await started(browser);
  expect(health.problems()).toEqual(['sound-blocked']);
  // A click the policy still refuses (it does not count as a gesture): still blocked.
  expect(await health.enableSound()).toBe(false);
  browser.b.autoplay = true;
  expect(await health.enableSound()).toBe(true);
  expect(health.problems()).toEqual([]);
  expect(browser.resumeCalls).toHaveBeenCalled();
});

test('sound blocked: any click on the page clears it too', async () => {
  const browser = fakeBrowser({ autoplay: false });
  const health = await started(browser);
  browser.b.autoplay = true;
  await browser.click();
  expect(health.problems()).toEqual([]);
});

test("a call's audio refused mid-session is a problem until sound plays", async () => {
  const browser = fakeBrowser();
  const health = await started(browser);
  health.soundRefused();
  expect(health.problems()).toEqual(['sound-blocked']);
  await browser.click();
  expect(health.problems()).toEqual([]);
  expect(browser.resumeCalls).toHaveBeenCalled();
});

test('after stop nothing is followed any more', async () => {
  const browser = fakeBrowser();
  const health = await started(browser);
  health.stop();
  await browser.plug([]);
  expect(health.problems()).toEqual([]);
});

test('a page with no media devices at all cannot hear the agent', async () => {
  const health = createPhoneHealth({});
  await health.start();
  expect(health.problems()).toEqual(['no-microphone']);
});
