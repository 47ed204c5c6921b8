import type { Page } from 'playwright-core';

export type Heard = { peakHz: number; rms: number; bandShare: number };

/**
 * What the agent in `page` hears on a call: listens to the far end's stream for `ms` through an AnalyserNode
 * and returns the loudest frequency, the signal level (RMS of samples in -1..1) and the share of spectral
 * energy within ±100 Hz of the peak.
 */
export function listen(page: Page, callId: string, ms = 1200): Promise<Heard> {
  return page.evaluate(
    async ({ callId, ms }) => {
      const sb = (
        window as unknown as { switchboard: { phone: { getRemoteStream(id: string): MediaStream | undefined } } }
      ).switchboard;
      const stream = sb.phone.getRemoteStream(callId);
      if (!stream) throw new Error(`no remote stream for call ${callId}`);
      const ctx = new AudioContext();
      await ctx.resume();
      const analyser = ctx.createAnalyser();
      analyser.fftSize = 8192;
      analyser.smoothingTimeConstant = 0;
      ctx.createMediaStreamSource(stream).connect(analyser);
      const sleep = (t: number) => new Promise((r) => setTimeout(r, t));
      await sleep(ms);
      const freq = new Float32Array(analyser.frequencyBinCount);
      analyser.getFloatFrequencyData(freq);
      const time = new Float32Array(analyser.fftSize);
      analyser.getFloatTimeDomainData(time);
      await ctx.close();
      const binHz = ctx.sampleRate / analyser.fftSize;
      let peak = 1;
      for (let i = 2; i < freq.length; i++) if (freq[i]! > freq[peak]!) peak = i;
      const power = Array.from(freq, (db) => 10 ** (db / 10));
      const total = power.reduce((a, b) => a + b, 0);
      const band = power.reduce((a, p, i) => (Math.abs(i - peak) * binHz <= 100 ? a + p : a), 0);
      const rms = Math.sqrt(time.reduce((a, v) => a + v * v, 0) / time.length);
      return { peakHz: peak * binHz, rms, bandShare: total > 0 ? band / total : 0 };
    },
    { callId, ms },
  );
}

/**
 * What an <audio> element plays: starts it (as the Play button does), then listens to its output through
 * `captureStream()` for `ms`, like `listen` does for a call.
 */
export function listenToElement(page: Page, selector: string, ms = 1500): Promise<Heard> {
  return page.evaluate(
    async ({ selector, ms }) => {
      const el = document.querySelector(selector) as (HTMLAudioElement & { captureStream(): MediaStream }) | null;
      if (!el) throw new Error(`no audio element ${selector}`);
      await el.play();
      const ctx = new AudioContext();
      await ctx.resume();
      const analyser = ctx.createAnalyser();
      analyser.fftSize = 8192;
      analyser.smoothingTimeConstant = 0;
      ctx.createMediaStreamSource(el.captureStream()).connect(analyser);
      await new Promise((r) => setTimeout(r, ms));
      const freq = new Float32Array(analyser.frequencyBinCount);
      analyser.getFloatFrequencyData(freq);
      const time = new Float32Array(analyser.fftSize);
      analyser.getFloatTimeDomainData(time);
      await ctx.close();
      const binHz = ctx.sampleRate / analyser.fftSize;
      let peak = 1;
      for (let i = 2; i < freq.length; i++) if (freq[i]! > freq[peak]!) peak = i;
      const power = Array.from(freq, (db) => 10 ** (db / 10));
      const total = power.reduce((a, b) => a + b, 0);
      const band = power.reduce((a, p, i) => (Math.abs(i - peak) * binHz <= 100 ? a + p : a), 0);
      const rms = Math.sqrt(time.reduce((a, v) => a + v * v, 0) / time.length);
      return { peakHz: peak * binHz, rms, bandShare: total > 0 ? band / total : 0 };
    },
    { selector, ms },
  );
}
