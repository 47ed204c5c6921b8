import { freeUdpPort, startLeg, tonePcap, type SippEvent, type SippLeg } from './sipp-leg';

export const GATEWAY_DEFAULTS = { host: '127.0.0.2', port: 5080, ringMs: 1500, frequency: 800 } as const;

export interface GatewayOptions {
  runDir: string;
  /** Where the gateway listens (PSTN_GATEWAY of the companion); the phone network lives on 127.0.0.2. */
  host?: string;
  port?: number;
  /** Rings this long before answering. */
  ringMs?: number;
  /** Calls to these numbers (E.164 as dialled) are answered 486 Busy Here. */
  busy?: string[];
  /** Tone played to the agent once answered (Hz). */
  frequency?: number;
  /** Calls taken before sipp exits. */
  calls?: number;
  timeoutS?: number;
  name?: string;
}

/** One INVITE the gateway received: when, for which number, and the identity it was given. */
export interface GatewayInvite {
  at: number;
  requestUri: string;
  callee: string;
  fromUri: string;
  assertedIdentity: string;
  displayName: string;
}

export interface Gateway {
  leg: SippLeg;
  invites(): GatewayInvite[];
}

const escapeRe = (s: string) => s.replace(/[+.]/g, (c) => `\\${c}`);

/**
 * The phone network as the callee: sipp listening where the gateway is configured, answering with a PCMU
 * tone (or busy for the numbers given). The media endpoint plays to the first answered call.
 */
export async function startGateway(opts: GatewayOptions): Promise<Gateway> {
  const busy = opts.busy?.length ? opts.busy.map(escapeRe).join('|') : 'no-number-is-busy';
  const leg = await startLeg({
    runDir: opts.runDir,
    name: opts.name ?? `gateway-${Date.now()}`,
    scenario: 'gateway',
    template: { RING_MS: Math.max(1, opts.ringMs ?? GATEWAY_DEFAULTS.ringMs), BUSY_RE: busy },
    host: opts.host ?? GATEWAY_DEFAULTS.host,
    localPort: opts.port ?? (await freeUdpPort()),
    calls: opts.calls ?? 1,
    pcap: tonePcap(opts.runDir, opts.frequency ?? GATEWAY_DEFAULTS.frequency),
    playOn: { event: 'answered', fromEvent: 'invite', hostArg: 0, portArg: 1 },
    timeoutS: opts.timeoutS ?? 600,
  });
  const invites = (): GatewayInvite[] => {
    const all = leg.events();
    const byKind = (name: string) => all.filter((e) => e.name === name);
    const identity = byKind('identity');
    const display = byKind('display');
    return byKind('invite').map((e: SippEvent, i) => ({
      at: e.at,
      requestUri: e.args[2] ?? '',
      callee: /^sip:([^@]+)@/.exec(e.args[2] ?? '')?.[1] ?? '',
      fromUri: identity[i]?.args[0] ?? '',
      assertedIdentity: identity[i]?.args[1] ?? '',
      displayName: display[i]?.args.join(' ') ?? '',
    }));
  };
  return { leg, invites };
}
