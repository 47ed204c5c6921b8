import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startCompanionProcess } from './companion-process';
import type { ProcessHandle } from './process-handle';
import { startKamailio } from './kamailio';
import { startSipStack, type SipStack } from './sip-stack';
import { hookToken } from '../../src/server/auth/hook-token';
import { startVoicemailProcess } from './voicemail-process';

export type ProductPorts = { http: number; sip: number; ws: number; rtpNg: number; rtpMin: number; rtpMax: number; voicemail: number };
export const DEFAULT_PORTS: ProductPorts = { http: 8080, sip: 5060, ws: 5066, rtpNg: 22222, rtpMin: 30000, rtpMax: 30999, voicemail: 5070 };

export type StackPart = 'kamailio' | 'companion' | 'voicemail';

export type ProductStack = {
  url: string;
  sip: SipStack;
  companion: ProcessHandle;
  /** The voicemail service (src/voicemail/), its own process. */
  voicemail: ProcessHandle;
  runDir: string;
  /** Stops one part and starts it again with the same settings (operations, and failure tests). */
  stopPart(part: StackPart): Promise<void>;
  startPart(part: StackPart): Promise<void>;
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
  mkdirSync(runDir, { recursive: true });
  const url = `http://127.0.0.1:${ports.http}`;

  log(`starting rtpengine (ng 127.0.0.1:${ports.rtpNg}) and Kamailio (SIP 127.0.0.1:${ports.sip}, WebSocket 127.0.0.1:${ports.ws})`);
  const voicemailAddr = `127.0.0.1:${ports.voicemail}`;
  const kamailioOptions = { runDir, sipPort: ports.sip, wsPort: ports.ws, authSecret: opts.authSecret, domain: '127.0.0.1', companionUrl: url, failsafeUri: opts.failsafeUri, voicemailAddr };
  const sip = await startSipStack({ ...kamailioOptions, rtpengine: { ngPort: ports.rtpNg, portMin: ports.rtpMin, portMax: ports.rtpMax } });
  const voicemailOptions = { runDir, sipPort: ports.voicemail, proxyPort: ports.sip, companionUrl: url, hookToken: hookToken(opts.authSecret), env: opts.env };
  let voicemail: ProcessHandle;
  try {
    voicemail = await startVoicemailProcess(voicemailOptions);
  } catch (err) {
    await sip.stop();
    throw err;
  }
  log(`rtpengine pid ${sip.rtpengine.pid}, Kamailio pid ${sip.kamailio.pid}, voicemail pid ${voicemail.pid} (SIP ${voicemailAddr}); starting the companion on ${url}`);
  const companionEnv = {
    HOST: '127.0.0.1',
    PORT: String(ports.http),
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
    sip,
    companion,
    voicemail,
    runDir,
    async stopPart(part) {
      await (part === 'kamailio' ? stack.sip.kamailio : part === 'voicemail' ? stack.voicemail : stack.companion).stop();
    },
    async startPart(part) {
      if (part === 'kamailio') {
        const kamailio = await startKamailio({ ...kamailioOptions, rtpengineNg: `udp:127.0.0.1:${ports.rtpNg}` });
        stack.sip = { ...stack.sip, kamailio, stop: async () => (await kamailio.stop(), await sip.rtpengine.stop()) };
      } else if (part === 'voicemail') {
        stack.voicemail = await startVoicemailProcess(voicemailOptions);
      } else {
        stack.companion = await startCompanionProcess({ runDir, env: companionEnv });
      }
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
