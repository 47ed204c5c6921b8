import { chmodSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startCompanionProcess } from './companion-process';
import type { ProcessHandle } from './process-handle';
import { loadConfig } from '../../src/server/config';
import { startRtpengine } from './rtpengine';
import type { SupervisedPart } from './supervisor';
import { ctlSocketPath, startKamailio } from './kamailio';
import { startSipStack, type SipStack } from './sip-stack';
import { hookToken } from '../../src/server/auth/hook-token';
import { startVoicemailProcess } from './voicemail-process';

export type ProductPorts = {
  http: number;
  hook: number;
  sip: number;
  ws: number;
  rtpNg: number;
  rtpMin: number;
  rtpMax: number;
  voicemail: number;
};
export const DEFAULT_PORTS: ProductPorts = {
  http: 8080,
  hook: 8081,
  sip: 5060,
  ws: 5066,
  rtpNg: 22222,
  rtpMin: 30000,
  rtpMax: 30999,
  voicemail: 5070,
};

export type StackPart = 'kamailio' | 'companion' | 'voicemail';

export type ProductStack = {
  url: string;
  /** The companion's loopback hook listener (Kamailio's /internal/sip/*). */
  hookUrl: string;
  sip: SipStack;
  companion: ProcessHandle;
  /** The voicemail service (src/voicemail/), its own process. */
  voicemail: ProcessHandle;
  runDir: string;
  /** Stops one part and starts it again with the same settings (operations, and failure tests). */
  stopPart(part: StackPart): Promise<void>;
  startPart(part: StackPart): Promise<void>;
  /** rtpengine, Kamailio, the voicemail service and the companion as parts a supervisor restarts one by one. */
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
  const voicemailAddr = `127.0.0.1:${ports.voicemail}`;
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
    VOICEMAIL_SIP: voicemailAddr,
    VOICEMAIL_DIR: resolve(runDir, 'voicemail'),
    ...opts.env,
  };
  // Kamailio trusts exactly what the companion is configured with: one parser for both.
  const shared = loadConfig(companionEnv);

  log(
    `starting rtpengine (ng 127.0.0.1:${ports.rtpNg}) and Kamailio (SIP 127.0.0.1:${ports.sip}, WebSocket 127.0.0.1:${ports.ws})`,
  );
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
    voicemailAddr,
  };
  const sip = await startSipStack({
    ...kamailioOptions,
    rtpengine: { ngPort: ports.rtpNg, portMin: ports.rtpMin, portMax: ports.rtpMax },
  });
  // The voicemail service talks to the companion's loopback hook listener, like Kamailio.
  const voicemailOptions = {
    runDir,
    sipPort: ports.voicemail,
    proxyPort: ports.sip,
    companionUrl: kamailioOptions.hookUrl,
    hookToken: hookToken(opts.authSecret),
    env: opts.env,
  };
  let voicemail: ProcessHandle;
  try {
    voicemail = await startVoicemailProcess(voicemailOptions);
  } catch (err) {
    await sip.stop();
    throw err;
  }
  log(
    `rtpengine pid ${sip.rtpengine.pid}, Kamailio pid ${sip.kamailio.pid}, voicemail pid ${voicemail.pid} (SIP ${voicemailAddr}); starting the companion on ${url} (hooks on 127.0.0.1:${ports.hook})`,
  );
  let companion: ProcessHandle;
  try {
    companion = await startCompanionProcess({ runDir, env: companionEnv });
  } catch (err) {
    await voicemail.stop();
    await sip.stop();
    throw err;
  }
  log(`companion pid ${companion.pid}`);
  const stack: ProductStack = {
    url,
    hookUrl: kamailioOptions.hookUrl,
    sip,
    companion,
    voicemail,
    runDir,
    async stopPart(part) {
      await (
        part === 'kamailio' ? stack.sip.kamailio : part === 'voicemail' ? stack.voicemail : stack.companion
      ).stop();
    },
    async startPart(part) {
      if (part === 'kamailio') {
        const kamailio = await startKamailio({ ...kamailioOptions, rtpengineNg: `udp:127.0.0.1:${ports.rtpNg}` });
        const rtpengine = stack.sip.rtpengine;
        stack.sip = { rtpengine, kamailio, stop: async () => (await kamailio.stop(), await rtpengine.stop()) };
      } else if (part === 'voicemail') {
        stack.voicemail = await startVoicemailProcess(voicemailOptions);
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
          name: 'voicemail',
          current: () => stack.voicemail,
          restart: async () => (await stack.startPart('voicemail'), stack.voicemail),
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
        await stack.voicemail.stop();
      } finally {
        await stack.sip.stop();
      }
    },
  };
  return stack;
}
