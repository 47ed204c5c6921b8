/** What the ringtone needs of Web Audio; `setSinkId` picks the output (Chromium 110+). */
export type RingContext = Pick<
  AudioContext,
  'createGain' | 'createOscillator' | 'destination' | 'currentTime' | 'resume' | 'suspend'
> & {
  sinkId?: unknown;
  setSinkId?: (id: string) => Promise<void>;
};

type Options = {
  createContext?: () => RingContext;
  /** The output device to ring on now ('' = the system default). */
  sinkId?: () => string;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
};

/**
 * A ringtone made with Web Audio (no file to load): 2 s of a 440+480 Hz pair, 4 s of silence, repeated, on the
 * chosen ringing device. `start` is idempotent; the browser may refuse to play before the first user gesture,
 * which is harmless. `preview` plays one burst (the "Test ringer" button).
 */
export function createRingtone(options: Options = {}) {
  const createContext = options.createContext ?? (() => new AudioContext());
  const sinkId = options.sinkId ?? (() => '');
  const every = options.setInterval ?? ((fn, ms) => globalThis.setInterval(fn, ms));
  const stopEvery = options.clearInterval ?? ((h) => globalThis.clearInterval(h as number));
  let ctx: RingContext | undefined;
  let timer: unknown;

  async function route(context: RingContext) {
    const id = sinkId();
    if (typeof context.setSinkId !== 'function' || (context.sinkId ?? '') === id) return;
    await context.setSinkId(id).catch(() => undefined);
  }

  function burst() {
    if (!ctx) return;
    const gain = ctx.createGain();
    gain.gain.value = 0.08;
    gain.connect(ctx.destination);
    for (const f of [440, 480]) {
      const osc = ctx.createOscillator();
      osc.frequency.value = f;
      osc.connect(gain);
      osc.start();
      osc.stop(ctx.currentTime + 2);
    }
  }

  function open(): RingContext | undefined {
    try {
      ctx ??= createContext();
      void ctx.resume();
      return ctx;
    } catch {
      return undefined;
    }
  }

  return {
    start() {
      if (timer !== undefined) return;
      const context = open();
      if (!context) return;
      timer = every(burst, 6000);
      void route(context).then(burst);
    },
    stop() {
      if (timer !== undefined) stopEvery(timer);
      timer = undefined;
      void ctx?.suspend();
    },
    async preview() {
      const context = open();
      if (!context) return;
      await route(context);
      burst();
    },
  };
}
export type Ringtone = ReturnType<typeof createRingtone>;
