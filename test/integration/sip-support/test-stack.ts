import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSipStack, type SipStack } from '../../../scripts/stack/sip-stack';
import { trustedGatewaySources } from '../../../src/server/domain/sip-trust';
import { freePort } from './ports';
import { PHONE_NETWORK_HOST } from '../../../scripts/sipp/caller';

export interface TestSipStack {
  stack: SipStack;
  runDir: string;
  sipPort: number;
  wsPort: number;
  wsUrl: string;
  domain: string;
  secret: string;
  stop(): Promise<void>;
}

/** The phone network of the tests: sipp callers and gateways on their own loopback address. */
export const GATEWAY_HOST = PHONE_NETWORK_HOST;

/**
 * rtpengine + Kamailio on free non-default ports, in a fresh run dir. `wide` gives rtpengine 800 media ports
 * (in 31000–39799, clear of the usual 40000+ ranges) for suites that hold many calls at once. The phone
 * network is whatever sends from GATEWAY_HOST (or `pstnGateway` / `inboundGateways` when given).
 */
export async function startTestSipStack(
  opts: {
    domain?: string;
    secret?: string;
    /** The companion's hook listener (companion.hookUrl). */
    hookUrl?: string;
    failsafeUri?: string;
    wide?: boolean;
    pstnGateway?: string;
    inboundGateways?: string;
    publicOrigins?: string[];
    runDir?: string;
    voicemailAddr?: string;
  } = {},
): Promise<TestSipStack> {
  const runDir = opts.runDir ?? mkdtempSync(join(tmpdir(), 'switchboard-sip-'));
  const sipPort = await freePort();
  const wsPort = await freePort();
  const ngPort = await freePort();
  const portMin = opts.wide
    ? 31000 + Math.floor(Math.random() * 80) * 100
    : 40000 + Math.floor(Math.random() * 200) * 100;
  const secret = opts.secret ?? `test-secret-${process.pid}-0123456789abcdef`;
  const domain = opts.domain ?? '127.0.0.1';
  const stack = await startSipStack({
    runDir,
    sipPort,
    wsPort,
    authSecret: secret,
    domain,
    hookUrl: opts.hookUrl ?? 'http://127.0.0.1:9',
    gateways: trustedGatewaySources(opts.pstnGateway ?? '', opts.inboundGateways ?? GATEWAY_HOST),
    publicOrigins: opts.publicOrigins ?? [],
    failsafeUri: opts.failsafeUri,
    voicemailAddr: opts.voicemailAddr,
    rtpengine: { ngPort, portMin, portMax: portMin + (opts.wide ? 799 : 99) },
  });
  return {
    stack,
    runDir,
    sipPort,
    wsPort,
    wsUrl: `ws://127.0.0.1:${wsPort}`,
    domain,
    secret,
    async stop() {
      await stack.stop();
      if (!process.env.KEEP_RUN_DIR) rmSync(runDir, { recursive: true, force: true });
    },
  };
}
