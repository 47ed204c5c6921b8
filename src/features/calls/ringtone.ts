/**
 * A ringtone made with Web Audio (no file to load): 2 s of a 440+480 Hz pair, 4 s of silence, repeated.
 * `start` is idempotent; the browser may refuse to play before the first user gesture, which is harmless.
 */
export function createRingtone() {
  let ctx: AudioContext | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;

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

  return {
    start() {
      if (timer) return;
      try {
        ctx ??= new AudioContext();
        void ctx.resume();
      } catch {
        return;
      }
      burst();
      timer = setInterval(burst, 6000);
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
      void ctx?.suspend();
    },
  };
}
