import type { CallMediaLike } from './phone';
import { phoneHarness } from './test-support/phone-harness';

/** What the phone asks of its call media: warm (with which microphone) or cool. */
function fakeCallMedia() {
  const log: string[] = [];
  let held = false;
  const media: CallMediaLike = {
    factory: () => {
      throw new Error('not used by the fake user agent');
    },
    warm: (c) => {
      held = true;
      const audio = c.audio as MediaTrackConstraints;
      const device = (audio.deviceId as { exact: string } | undefined)?.exact ?? 'default';
      if (log.at(-1) !== `warm ${device}`) log.push(`warm ${device}`);
    },
    cool: () => {
      held = false;
      if (log.at(-1) !== 'cool') log.push('cool');
    },
    micStream: async () => {
      throw new Error('not used here');
    },
    state: () => ({ pool: held ? 'ready' : 'off', micHeld: held, warmCalls: 0 }),
  };
  return { media, log };
}

test('the phone hands its own session description handler factory to sip.js', async () => {
  const { media } = fakeCallMedia();
  const h = phoneHarness({ callMedia: media });
  await h.registered();
  expect(h.ua().options.sessionDescriptionHandlerFactory).toBe(media.factory);
});

test('nothing is kept open until allowed and registered; registration lost or stop lets go', async () => {
  const { media, log } = fakeCallMedia();
  const h = phoneHarness({ callMedia: media });
  h.phone.setPrewarm(true);
  expect(log.filter((l) => l.startsWith('warm'))).toEqual([]);
  await h.registered();
  expect(log.at(-1)).toBe('warm default');
  h.ua().drop();
  expect(log.at(-1)).toBe('cool');
  await h.timers.advance(60_000);
  h.ua().registerer.accept();
  expect(log.at(-1)).toBe('warm default');
  await h.phone.stop();
  expect(log.at(-1)).toBe('cool');
  expect(h.phone.prewarmState()).toMatchObject({ pool: 'off', micHeld: false });
});

test('not allowed (away, signed out): registered or not, the microphone is let go', async () => {
  const { media, log } = fakeCallMedia();
  const h = phoneHarness({ callMedia: media });
  await h.registered();
  expect(log.filter((l) => l.startsWith('warm'))).toEqual([]);
  h.phone.setPrewarm(true);
  h.phone.setPrewarm(false);
  expect(log.slice(-2)).toEqual(['warm default', 'cool']);
});

test('choosing another microphone warms that one', async () => {
  const { media, log } = fakeCallMedia();
  const h = phoneHarness({ callMedia: media });
  h.phone.setPrewarm(true);
  await h.registered();
  await h.phone.setInputDevice('headset-mic');
  expect(log.slice(-2)).toEqual(['warm default', 'warm headset-mic']);
});
