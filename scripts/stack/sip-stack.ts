import { startKamailio, type KamailioOptions } from './kamailio';
import type { ProcessHandle } from './process-handle';
import { RTPENGINE_DEFAULTS, startRtpengine } from './rtpengine';

export interface SipStackOptions extends Omit<KamailioOptions, 'rtpengineNg'> {
  rtpengine?: { ngPort?: number; portMin?: number; portMax?: number; logLevel?: number };
}

export interface SipStack {
  rtpengine: ProcessHandle;
  kamailio: ProcessHandle;
  /** Stops Kamailio, then rtpengine. */
  stop(): Promise<void>;
}

/** rtpengine first (Kamailio disables an unreachable rtpengine for a while), then Kamailio. */
export async function startSipStack(opts: SipStackOptions): Promise<SipStack> {
  const rtp = { ...RTPENGINE_DEFAULTS, ...opts.rtpengine };
  const rtpengine = await startRtpengine({ runDir: opts.runDir, ...rtp });
  let kamailio: ProcessHandle;
  try {
    kamailio = await startKamailio({ ...opts, rtpengineNg: `udp:127.0.0.1:${rtp.ngPort}` });
  } catch (err) {
    await rtpengine.stop();
    throw err;
  }
  return {
    rtpengine,
    kamailio,
    async stop() {
      try {
        await kamailio.stop();
      } finally {
        await rtpengine.stop();
      }
    },
  };
}
