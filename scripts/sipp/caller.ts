import { freeUdpPort, startLeg, tonePcap, type SippEvent, type SippLeg } from './sipp-leg';

export const CALLER_DEFAULTS = { from: '+447700900123', durationS: 10, kamailioPort: 5060, frequency: 1000 } as const;

/**
 * The phone network signals from its own loopback address (INBOUND_GATEWAYS of a local stack), so "from the
 * gateway" and "from some local process on 127.0.0.1" are different senders to Kamailio.
 */
export const PHONE_NETWORK_HOST = '127.0.0.2';

export interface CallerOptions {
  runDir: string;
  /** The number dialled: sip:<number>@<domain>. */
  number: string;
  from?: string;
  domain?: string;
  kamailioPort?: number;
  /** Seconds in the call after the answer, then BYE. */
  durationS?: number;
  /** Hang up (CANCEL) this many ms after the first 180 instead of waiting for an answer. */
  cancelAfterMs?: number;
  /** Tone the caller plays (Hz). */
  frequency?: number;
  /** Or this RTP pcap instead of the tone (looped), e.g. speech or DTMF. */
  pcap?: string;
  name?: string;
  localPort?: number;
  /** The address the caller signals from (default PHONE_NETWORK_HOST). */
  host?: string;
}

export interface CallResult {
  exitCode: number;
  callId?: string;
  invitedAt?: number;
  ringingAt?: number;
  answeredAt?: number;
  /** 200 when answered, else the final failure code (487 after our CANCEL). */
  finalCode?: number;
  endedAt?: number;
  /** Who ended an answered call. */
  endedBy?: 'caller' | 'callee';
  rtp: { sent: number; received: number; from?: string };
  events: SippEvent[];
  leg: SippLeg;
}

/** Starts the phone-network caller; `result` resolves when sipp is done. */
export async function startCaller(opts: CallerOptions): Promise<{ leg: SippLeg; result: Promise<CallResult> }> {
  const durationMs = Math.max(1, Math.round((opts.durationS ?? CALLER_DEFAULTS.durationS) * 1000));
  const cancel = opts.cancelAfterMs !== undefined;
  const leg = await startLeg({
    runDir: opts.runDir,
    name: opts.name ?? `caller-${opts.number.replace(/\W/g, '')}-${Date.now()}`,
    scenario: cancel ? 'caller-cancel' : 'caller',
    template: cancel ? { CANCEL_MS: Math.max(1, opts.cancelAfterMs!) } : { DURATION_MS: durationMs },
    keys: { sb_to: opts.number, sb_from: opts.from ?? CALLER_DEFAULTS.from, sb_domain: opts.domain ?? '127.0.0.1' },
    localPort: opts.localPort ?? (await freeUdpPort()),
    remote: `127.0.0.1:${opts.kamailioPort ?? CALLER_DEFAULTS.kamailioPort}`,
    host: opts.host ?? PHONE_NETWORK_HOST,
    pcap: opts.pcap ?? tonePcap(opts.runDir, opts.frequency ?? CALLER_DEFAULTS.frequency),
    playOn: { event: 'answered', hostArg: 1, portArg: 2 },
    timeoutS: Math.ceil(durationMs / 1000) + 180,
  });
  const result = leg.done.then((exitCode): CallResult => {
    const at = (name: string) => leg.event(name)?.at;
    const final = leg.event('final');
    const ended = leg.event('ended');
    return {
      exitCode,
      callId: leg.event('invite')?.args[0],
      invitedAt: at('invite'),
      ringingAt: at('ringing'),
      answeredAt: at('answered'),
      finalCode: leg.event('answered') ? 200 : final ? Number(final.args[0]) : undefined,
      endedAt: ended?.at,
      endedBy: ended?.args[0] as CallResult['endedBy'],
      rtp: { sent: leg.rtp.stats.sent, received: leg.rtp.stats.received, from: leg.rtp.stats.receivedFrom },
      events: leg.events(),
      leg,
    };
  });
  return { leg, result };
}

/** Places a call and waits for it to finish. */
export async function placeCall(opts: CallerOptions): Promise<CallResult> {
  return (await startCaller(opts)).result;
}
