import { z } from 'zod';

/** Every setting comes from the environment; `.env.example` documents the same names and defaults. */
const envSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  DATABASE_PATH: z.string().default('.run/switchboard.sqlite'),
  /** Origins allowed to open the feed and send writes; the companion's own origin is always allowed. */
  PUBLIC_ORIGINS: z.string().default('http://127.0.0.1:8080,http://localhost:8080,http://127.0.0.1:5173,http://localhost:5173'),
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
  /** Kamailio's control socket (binrpc, e.g. unix:/path/kamailio-ctl.sock): revoked extensions are pushed there. */
  KAMAILIO_CTL: z.string().default(''),
  KAMAILIO_HOST: z.string().default('127.0.0.1'),
  KAMAILIO_WS_PORT: z.coerce.number().int().default(5066),
  RTPENGINE_NG: z.string().default('127.0.0.1:22222'),
  /** Where external destinations and fail-safe numbers are sent: the phone-network gateway's SIP address. */
  PSTN_GATEWAY: z.string().default('127.0.0.1:5080'),
  /** info: every routing answer given to Kamailio is logged; warn: only problems. */
  LOG_LEVEL: z.enum(['info', 'warn']).default('info'),
});

/** Secrets that were published (old defaults) and can never be used. */
const PUBLIC_SECRETS = new Set(['switchboard-demo-secret-change-me']);

/** What makes a SIP secret weak, or undefined when it is strong enough. */
export function sipSecretProblem(secret: string): string | undefined {
  if (PUBLIC_SECRETS.has(secret)) return 'that value is published; generate a random one (e.g. openssl rand -base64 32)';
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
  databasePath: string;
  publicOrigins: string[];
  staticDir: string;
  sessionMs: number;
  sip: { authSecret: string; domain: string; wsUrl: string; credentialSeconds: number; pstnGateway: string };
  kamailio: { host: string; wsPort: number; ctl: string };
  rtpengine: { host: string; port: number };
  logInfo: boolean;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = envSchema.parse(env);
  const [ngHost, ngPort] = e.RTPENGINE_NG.split(':');
  return {
    host: e.HOST,
    port: e.PORT,
    databasePath: e.DATABASE_PATH,
    publicOrigins: e.PUBLIC_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
    staticDir: e.STATIC_DIR,
    sessionMs: e.SESSION_HOURS * 3_600_000,
    sip: { authSecret: e.SIP_AUTH_SECRET, domain: e.SIP_DOMAIN, wsUrl: e.SIP_WS_URL, credentialSeconds: e.SIP_CREDENTIAL_SECONDS, pstnGateway: e.PSTN_GATEWAY },
    kamailio: { host: e.KAMAILIO_HOST, wsPort: e.KAMAILIO_WS_PORT, ctl: e.KAMAILIO_CTL },
    rtpengine: { host: ngHost ?? '127.0.0.1', port: Number(ngPort ?? 22222) },
    logInfo: e.LOG_LEVEL === 'info',
  };
}
