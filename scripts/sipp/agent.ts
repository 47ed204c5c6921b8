import { freeUdpPort, startLeg, tonePcap, type SippLeg } from './sipp-leg';

export type AgentBehaviour = 'answer' | 'busy' | 'ring';

export interface AgentOptions {
  runDir: string;
  /** The UDP port the agent registered its contact with. */
  localPort: number;
  behaviour: AgentBehaviour;
  /** 'answer': ring this long first. */
  ringMs?: number;
  /** Tone the agent plays once it answers (Hz). */
  frequency?: number;
  name?: string;
  /** Seconds sipp waits for the whole call. */
  timeoutS?: number;
  /** The address it signals from (default 127.0.0.1; a gateway uses PHONE_NETWORK_HOST). */
  host?: string;
}

/**
 * A plain-SIP agent phone (sipp UAS) on an already registered contact port: answers, is busy, or only
 * rings. Events: invite (args: media host, port, proto, request-URI), answered, cancelled, ended.
 */
export async function startAgent(opts: AgentOptions): Promise<SippLeg> {
  return startLeg({
    runDir: opts.runDir,
    name: opts.name ?? `agent-${opts.localPort}`,
    scenario: `agent-${opts.behaviour}`,
    template: { RING_MS: Math.max(1, opts.ringMs ?? 200) },
    localPort: opts.localPort,
    host: opts.host,
    pcap: tonePcap(opts.runDir, opts.frequency ?? 500),
    playOn: { event: 'answered', fromEvent: 'invite', hostArg: 0, portArg: 1 },
    timeoutS: opts.timeoutS ?? 120,
  });
}

export { freeUdpPort };
