import { chmodSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startCompanionProcess } from './companion-process';
import type { ProcessHandle } from './process-handle';
import { loadConfig } from '../../src/server/config';
import { startRtpengine } from './rtpengine';
import type { SupervisedPart } from './supervisor';
import { ctlSocketPath, startKamailio } from './kamailio';
import { startSipStack, type SipStack } from './sip-stack';

export type ProductPorts = { http: number; hook: number; sip: number; ws: number; rtpNg: number; rtpMin: number; rtpMax: number };
export const DEFAULT_PORTS: ProductPorts = { http: 8080, hook: 8081, sip: 5060, ws: 5066, rtpNg: 22222, rtpMin: 30000, rtpMax: 30999 };

export type ProductStack = {
  url: string;
  /** The companion's loopback hook listener (Kamailio's /internal/sip/*). */
  hookUrl: string;
  sip: SipStack;
  companion: ProcessHandle;
  runDir: string;
  /** Stops one part and starts it again with the same settings (operations, and failure tests). */
  stopPart(part: 'kamailio' | 'companion'): Promise<void>;
  startPart(part: 'kamailio' | 'companion'): Promise<void>;
  /** rtpengine, Kamailio and the companion as parts a supervisor restarts one by one. */
  parts(): SupervisedPart[];
  stop(): Promise<void>;
};

/**
 * The whole product on this machine: rtpengine, then Kamailio, then the companion serving the built app.
 * Every process is ours by PID; `stop` ends exactly those, in reverse order.
 */
export async function startProductStack(opts: {
  runDir: string;
  ports?: Partial<ProductPorts>;
  authSecret: string;
  databasePath?: string;
  seedDemo?: boolean;
  /** Where Kamailio sends calls to virtual numbers when the companion does not answer (none: 503). */
  failsafeUri?: string;
  env?: Record<string, string>;
  log?: (line: string) => void;
}): Promise<ProductStack> {
  const ports = { ...DEFAULT_PORTS, ...opts.ports };
  const log = opts.log ?? (() => {});
  const runDir = resolve(opts.runDir);
  // Configs with the SIP secret, the database and the logs live here: owner only.
  mkdirSync(runDir, { recursive: true, mode: 0o700 });
  chmodSync(runDir, 0o700);
  const url = `http://127.0.0.1:${ports.http}`;
  const companionEnv = {
    HOST: '127.0.0.1',
    PORT: String(ports.http),
    HOOK_PORT: String(ports.hook),
    KAMAILIO_CTL_SOCKET: ctlSocketPath(runDir),
    DATABASE_PATH: opts.databasePath ?? resolve(runDir, 'switchboard.sqlite'),
    STATIC_DIR: resolve(import.meta.dirname, '../../dist'),
    SIP_AUTH_SECRET: opts.authSecret,
    SIP_DOMAIN: '127.0.0.1',
    SIP_WS_URL: `ws://127.0.0.1:${ports.ws}`,
    KAMAILIO_WS_PORT: String(ports.ws),
    RTPENGINE_NG: `127.0.0.1:${ports.rtpNg}`,
    PUBLIC_ORIGINS: `${url},http://localhost:${ports.http}`,
    SEED_DEMO: opts.seedDemo === false ? 'false' : 'true',
    ...opts.env,
  };
  // Kamailio trusts exactly what the companion is configured with: one parser for both.
  const shared = loadConfig(companionEnv);

  log(`starting rtpengine (ng 127.0.0.1:${ports.rtpNg}) and Kamailio (SIP 127.0.0.1:${ports.sip}, WebSocket 127.0.0.1:${ports.ws})`);
  const kamailioOptions = {
    runDir,
    sipPort: ports.sip,
    wsPort: ports.ws,
    authSecret: opts.authSecret,
    domain: '127.0.0.1',
    hookUrl: `http://127.0.0.1:${ports.hook}`,
    gateways: shared.gateways,
    publicOrigins: shared.publicOrigins,
    failsafeUri: opts.failsafeUri,
  };
  const sip = await startSipStack({ ...kamailioOptions, rtpengine: { ngPort: ports.rtpNg, portMin: ports.rtpMin, portMax: ports.rtpMax } });
  log(`rtpengine pid ${sip.rtpengine.pid}, Kamailio pid ${sip.kamailio.pid}; starting the companion on ${url} (hooks on 127.0.0.1:${ports.hook})`);
  let companion: ProcessHandle;
  try {
    companion = await startCompanionProcess({ runDir, env: companionEnv });
  } catch (err) {
    await sip.stop();
    throw err;
  }
  log(`companion pid ${companion.pid}`);
  const stack: ProductStack = {
    url,
    hookUrl: kamailioOptions.hookUrl,
    sip,
    companion,
    runDir,
    async stopPart(part) {
      await (part === 'kamailio' ? stack.sip.kamailio : stack.companion).stop();
    },
    async startPart(part) {
      if (part === 'kamailio') {
        const kamailio = await startKamailio({ ...kamailioOptions, rtpengineNg: `udp:127.0.0.1:${ports.rtpNg}` });
        const rtpengine = stack.sip.rtpengine;
        stack.sip = { rtpengine, kamailio, stop: async () => (await kamailio.stop(), await rtpengine.stop()) };
      } else {
        stack.companion = await startCompanionProcess({ runDir, env: companionEnv });
      }
    },
    parts() {
      const rtpOpts = { runDir, ngPort: ports.rtpNg, portMin: ports.rtpMin, portMax: ports.rtpMax };
      const setSip = (rtpengine: ProcessHandle, kamailio: ProcessHandle) => {
        stack.sip = { rtpengine, kamailio, stop: async () => (await kamailio.stop(), await rtpengine.stop()) };
      };
      return [
        {
          name: 'rtpengine',
          current: () => stack.sip.rtpengine,
          restart: async () => (setSip(await startRtpengine(rtpOpts), stack.sip.kamailio), stack.sip.rtpengine),
        },
        {
          name: 'kamailio',
          current: () => stack.sip.kamailio,
          restart: async () => (await stack.startPart('kamailio'), stack.sip.kamailio),
        },
        {
          name: 'companion',
          current: () => stack.companion,
          restart: async () => (await stack.startPart('companion'), stack.companion),
        },
      ];
    },
    async stop() {
      try {
        await stack.companion.stop();
      } finally {
        await stack.sip.stop();
      }
    },
  };
  return stack;
}
