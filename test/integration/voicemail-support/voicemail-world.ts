import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { decodeMulaw, encodeMulaw } from '../../../src/common/audio/g711';
import { parseWav, pcm16Wav, wavSamples } from '../../../src/common/audio/wav';
import { HOOK_TOKEN_HEADER } from '../../../src/common/voicemail-hooks';
import { hookToken } from '../../../src/server/auth/hook-token';
import { writeRtpPcap, type RtpPacket } from '../../../scripts/sipp/pcap';
import { mulawTone, toneShare } from '../../../scripts/sipp/pcmu';
import type { ProcessHandle } from '../../../scripts/stack/process-handle';
import { startVoicemailProcess } from '../../../scripts/stack/voicemail-process';
import { signIn, startSeededCompanion, type Harness } from '../../support/companion-harness';
import { freePort } from '../sip-support/ports';
import { startTestSipStack, type TestSipStack } from '../sip-support/test-stack';

/**
 * The real voicemail path on this machine: rtpengine + Kamailio, the companion (in this process, so tests
 * can read its storage), and the voicemail service as its own process, routed behind Kamailio. The phone
 * network is sipp on 127.0.0.2 (the gateway address the template trusts).
 */
export type VoicemailWorld = {
  h: Harness;
  sip: TestSipStack;
  vm: ProcessHandle;
  vmPort: number;
  gatewayPort: number;
  secret: string;
  startService(): Promise<void>;
  stop(): Promise<void>;
};

export async function startVoicemailWorld(opts: { env?: Record<string, string> } = {}): Promise<VoicemailWorld> {
  const secret = `voicemail-secret-${process.pid}-0123456789`;
  const vmPort = await freePort();
  const gatewayPort = await freePort();
  const h = await startSeededCompanion({
    SIP_AUTH_SECRET: secret,
    SIP_DOMAIN: '127.0.0.1',
    PSTN_GATEWAY: `127.0.0.2:${gatewayPort}`,
    VOICEMAIL_SIP: `127.0.0.1:${vmPort}`,
    ...opts.env,
  });
  const sip = await startTestSipStack({
    secret,
    hookUrl: h.hookUrl,
    pstnGateway: `127.0.0.2:${gatewayPort}`,
    voicemailAddr: `127.0.0.1:${vmPort}`,
    wide: true,
  });
  const world: VoicemailWorld = {
    h,
    sip,
    vm: undefined as unknown as ProcessHandle,
    vmPort,
    gatewayPort,
    secret,
    async startService() {
      world.vm = await startVoicemailProcess({
        runDir: sip.runDir,
        sipPort: vmPort,
        proxyPort: sip.sipPort,
        companionUrl: h.hookUrl,
        hookToken: hookToken(secret),
        env: { VOICEMAIL_SILENCE_SECONDS: '5' },
      });
      await until(() => h.voicemail.isUp(), 10_000, 'the companion sees the voicemail service up');
    },
    async stop() {
      await world.vm?.stop();
      await sip.stop();
      await h.stop();
    },
  };
  await world.startService();
  return world;
}

export async function until(ok: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const hookHeaders = (secret: string) => ({ [HOOK_TOKEN_HEADER]: hookToken(secret) });

/** An 8 kHz 16-bit WAV of a tone (what the voicemail service sends the companion). */
export const toneWav = (hz: number, seconds: number) => pcm16Wav(decodeMulaw(mulawTone(hz, seconds)));

/** Stores a message through the service's own hook, as the service does after a call. */
export async function depositThroughHook(
  w: VoicemailWorld,
  boxId: string,
  opts: { hz?: number; seconds?: number; startedAt?: number; caller?: string } = {},
) {
  const startedAt = opts.startedAt ?? Date.now();
  const seconds = opts.seconds ?? 2;
  const q = new URLSearchParams({
    boxId,
    callId: `hook-${createHash('sha1').update(String(Math.random())).digest('hex')}`,
    caller: opts.caller ?? '+447700900555',
    startedAt: String(startedAt),
    soundMs: String(seconds * 1000),
  });
  const res = await fetch(`${w.h.hookUrl}/internal/voicemail/messages?${q}`, {
    method: 'POST',
    headers: { ...hookHeaders(w.secret), 'content-type': 'audio/wav' },
    body: new Blob([toneWav(opts.hz ?? 880, seconds).slice()]),
  });
  return {
    status: res.status,
    body: (await res.json()) as { stored?: boolean; id?: string; error?: { code: string } },
  };
}

export type Analysed = { durationMs: number; rms: number; share: (hz: number) => number };

/** Duration, level and tone share of a WAV (any of our two formats). */
export function analyseWav(bytes: Uint8Array): Analysed {
  const wav = parseWav(bytes);
  if (!wav) throw new Error('not a WAV');
  const samples = wavSamples(wav, decodeMulaw);
  const rms = Math.sqrt(samples.reduce((a, x) => a + x * x, 0) / Math.max(1, samples.length));
  const mulaw = Buffer.from(encodeMulaw(samples));
  return { durationMs: Math.round((samples.length / 8000) * 1000), rms, share: (hz) => toneShare(mulaw, hz) };
}

/** Linear RMS of µ-law audio. */
export function rmsOf(mulaw: Uint8Array): number {
  const s = decodeMulaw(mulaw);
  return Math.sqrt(s.reduce((a, x) => a + x * x, 0) / Math.max(1, s.length));
}

/**
 * A caller's pcap: `leadMs` of silence, then each PIN attempt (digits by RFC 4733, payload type 101, 100 ms
 * each) at its offset, then silence up to `totalMs` (the endpoint loops the file, so it must outlast the call).
 */
export function dtmfPcap(
  dir: string,
  name: string,
  attempts: Array<{ atMs: number; digits: string }>,
  totalMs: number,
): string {
  const path = join(dir, `${name}.pcap`);
  const packets: RtpPacket[] = [];
  const ssrc = 0x0d7f0001;
  let seq = 0;
  const events = '0123456789*#';
  const presses: Array<{ atMs: number; event: number }> = attempts.flatMap((a) =>
    [...a.digits].map((d, i) => ({ atMs: a.atMs + i * 250, event: events.indexOf(d) })),
  );
  const silenceFrame = Buffer.alloc(160, 0xff);
  for (let ms = 0; ms < totalMs; ms += 20) {
    const press = presses.find((p) => ms >= p.atMs && ms < p.atMs + 160);
    const ts = ms * 8;
    if (press) {
      const start = press.atMs * 8;
      const duration = ts - start + 160;
      const end = ms + 20 >= press.atMs + 160;
      const payload = Buffer.from([press.event, (end ? 0x80 : 0) | 10, (duration >> 8) & 0xff, duration & 0xff]);
      packets.push({
        payloadType: 101,
        sequence: seq++,
        timestamp: start,
        ssrc,
        marker: ms === press.atMs,
        offsetUs: ms * 1000,
        payload,
      });
    } else {
      packets.push({
        payloadType: 0,
        sequence: seq++,
        timestamp: ts,
        ssrc,
        marker: false,
        offsetUs: ms * 1000,
        payload: silenceFrame,
      });
    }
  }
  writeRtpPcap(path, packets);
  return path;
}

export { signIn };

/** A caller's pcap: `toneMs` of a tone, then silence up to `totalMs` (so the endpoint's loop never restarts the tone). */
export function toneThenSilencePcap(dir: string, hz: number, toneMs: number, totalMs: number): string {
  const path = join(dir, `tone-${hz}-${toneMs}-then-silence-${totalMs}.pcap`);
  const audio = Buffer.concat([
    mulawTone(hz, toneMs / 1000),
    Buffer.alloc(Math.round(((totalMs - toneMs) / 1000) * 8000), 0xff),
  ]);
  const packets: RtpPacket[] = [];
  for (let i = 0; (i + 1) * 160 <= audio.length; i++) {
    packets.push({
      payloadType: 0,
      sequence: i,
      timestamp: i * 160,
      ssrc: 0x51e0000 + hz,
      marker: i === 0,
      offsetUs: i * 20_000,
      payload: audio.subarray(i * 160, (i + 1) * 160),
    });
  }
  writeRtpPcap(path, packets);
  return path;
}
