import { z } from 'zod';
import { parseOrigins, pstnGatewayAddresses, trustedGatewaySources, type GatewaySource } from './domain/sip-trust';

/** Every setting comes from the environment; `.env.example` documents the same names and defaults. */
const envSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** Kamailio's hooks (/internal/sip/*): a second listener, always on 127.0.0.1 only. 0 picks a free port. */
  HOOK_PORT: z.coerce.number().int().min(0).max(65535).default(8081),
  DATABASE_PATH: z.string().default('.run/switchboard.sqlite'),
  /** Origins allowed to open the feed and send writes; the companion's own origin is always allowed. */
  PUBLIC_ORIGINS: z
    .string()
    .default('http://127.0.0.1:8080,http://localhost:8080,http://127.0.0.1:5173,http://localhost:5173'),
  STATIC_DIR: z.string().default('dist'),
  SESSION_HOURS: z.coerce.number().positive().default(12),
  /** Shared with Kamailio's auth_ephemeral module: required, and strong (the start command generates one). */
  SIP_AUTH_SECRET: z
    .string({ error: 'SIP_AUTH_SECRET is required (at least 24 random characters; `npm start` generates one)' })
    .superRefine((s, ctx) => {
      const problem = sipSecretProblem(s);
      if (problem) ctx.addIssue({ code: 'custom', message: `SIP_AUTH_SECRET ${problem}` });
    }),
  SIP_DOMAIN: z.string().default('127.0.0.1'),
  SIP_WS_URL: z.string().default('ws://127.0.0.1:5066'),
  /** Lifetime of minted SIP credentials; auth_ephemeral refuses them afterwards. At most ten minutes. */
  SIP_CREDENTIAL_SECONDS: z.coerce.number().int().min(60).max(600).default(600),
  KAMAILIO_HOST: z.string().default('127.0.0.1'),
  KAMAILIO_WS_PORT: z.coerce.number().int().default(5066),
  RTPENGINE_NG: z.string().default('127.0.0.1:22222'),
  /**
   * The phone-network gateway's SIP address, ip:port, or several separated by commas (outbound calls try
   * them in order). External destinations and fail-safe numbers go to the first.
   */
  PSTN_GATEWAY: z.string().default('127.0.0.2:5080'),
  /** Further addresses the phone network sends calls from (`ip` for any port, or `ip:port`), comma separated. */
  INBOUND_GATEWAYS: z.string().default('127.0.0.2'),
  /** Kamailio's kamcmd socket: when set, calls are reconciled against Kamailio's dialogs every CALL_SWEEP_SECONDS. */
  KAMAILIO_CTL_SOCKET: z.string().default(''),
  CALL_SWEEP_SECONDS: z.coerce.number().int().min(1).default(30),
  /** info: every routing answer given to Kamailio is logged; warn: only problems. */
  LOG_LEVEL: z.enum(['info', 'warn']).default('info'),
  /** Voicemail messages, greetings and spoken prompts live under this folder. */
  VOICEMAIL_DIR: z.string().default('.run/voicemail'),
  /** The voicemail service's SIP address (host:port, UDP on loopback): where Kamailio hands voicemail calls. */
  VOICEMAIL_SIP: z
    .string()
    .regex(/^[\w.-]+:\d+$/, 'VOICEMAIL_SIP is host:port')
    .default('127.0.0.1:5070'),
  /** Longest voicemail message, in seconds. */
  VOICEMAIL_MAX_SECONDS: z.coerce.number().int().min(10).max(3600).default(180),
  /** The auto-deletion job looks at the database at least this often (ms), and whenever a message falls due. */
  VOICEMAIL_SWEEP_MS: z.coerce.number().int().min(50).default(60_000),
});

/** Secrets that were published (old defaults) and can never be used. */
const PUBLIC_SECRETS = new Set(['switchboard-demo-secret-change-me']);

/** What makes a SIP secret weak, or undefined when it is strong enough. */
export function sipSecretProblem(secret: string): string | undefined {
  if (PUBLIC_SECRETS.has(secret))
    return 'that value is published; generate a random one (e.g. openssl rand -base64 32)';
  if (secret.length < 24) return 'must be at least 24 characters';
  if (new Set(secret).size < 10) return 'must not repeat a few characters; use a random value';
  return undefined;
}

const isLoopbackHost = (host: string) => /^(127\.\d+\.\d+\.\d+|localhost|\[?::1\]?)$/i.test(host);

/** True when browsers other than this machine's may reach the companion (an origin or listen address off loopback). */
export function isExposed(config: Pick<Config, 'host' | 'publicOrigins'>): boolean {
  if (!isLoopbackHost(config.host)) return true;
  return config.publicOrigins.some((origin) => {
    try {
      return !isLoopbackHost(new URL(origin).hostname);
    } catch {
      return true;
    }
  });
}

export type Config = {
  host: string;
  port: number;
  hookPort: number;
  databasePath: string;
  publicOrigins: string[];
  staticDir: string;
  sessionMs: number;
  sip: {
    authSecret: string;
    domain: string;
    wsUrl: string;
    credentialSeconds: number;
    pstnGateway: string;
    pstnGateways: string[];
  };
  kamailio: { host: string; wsPort: number; ctlSocket: string; sweepSeconds: number };
  /** Every address the phone network may send from (sip-trust.ts). */
  gateways: GatewaySource[];
  rtpengine: { host: string; port: number };
  logInfo: boolean;
  voicemail: { dir: string; sip: string; maxSeconds: number; sweepMs: number };
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = envSchema.parse(env);
  const [ngHost, ngPort] = e.RTPENGINE_NG.split(':');
  return {
    host: e.HOST,
    port: e.PORT,
    hookPort: e.HOOK_PORT,
    databasePath: e.DATABASE_PATH,
    publicOrigins: parseOrigins(e.PUBLIC_ORIGINS),
    staticDir: e.STATIC_DIR,
    sessionMs: e.SESSION_HOURS * 3_600_000,
    sip: {
      authSecret: e.SIP_AUTH_SECRET,
      domain: e.SIP_DOMAIN,
      wsUrl: e.SIP_WS_URL,
      credentialSeconds: e.SIP_CREDENTIAL_SECONDS,
      pstnGateway: e.PSTN_GATEWAY,
      pstnGateways: pstnGatewayAddresses(e.PSTN_GATEWAY),
    },
    kamailio: {
      host: e.KAMAILIO_HOST,
      wsPort: e.KAMAILIO_WS_PORT,
      ctlSocket: e.KAMAILIO_CTL_SOCKET,
      sweepSeconds: e.CALL_SWEEP_SECONDS,
    },
    gateways: trustedGatewaySources(e.PSTN_GATEWAY, e.INBOUND_GATEWAYS),
    rtpengine: { host: ngHost ?? '127.0.0.1', port: Number(ngPort ?? 22222) },
    logInfo: e.LOG_LEVEL === 'info',
    voicemail: {
      dir: e.VOICEMAIL_DIR,
      sip: e.VOICEMAIL_SIP,
      maxSeconds: e.VOICEMAIL_MAX_SECONDS,
      sweepMs: e.VOICEMAIL_SWEEP_MS,
    },
  };
}
