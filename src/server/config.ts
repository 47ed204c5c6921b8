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
  /** Shared with Kamailio's auth_ephemeral module. */
  SIP_AUTH_SECRET: z.string().min(16, 'SIP_AUTH_SECRET must be at least 16 characters').default('switchboard-demo-secret-change-me'),
  SIP_DOMAIN: z.string().default('127.0.0.1'),
  SIP_WS_URL: z.string().default('ws://127.0.0.1:5066'),
  /** Lifetime of minted SIP credentials; auth_ephemeral refuses them afterwards. At most one hour. */
  SIP_CREDENTIAL_SECONDS: z.coerce.number().int().min(60).max(3600).default(3600),
  KAMAILIO_HOST: z.string().default('127.0.0.1'),
  KAMAILIO_WS_PORT: z.coerce.number().int().default(5066),
  RTPENGINE_NG: z.string().default('127.0.0.1:22222'),
  /** Where external destinations and fail-safe numbers are sent: the phone-network gateway's SIP address. */
  PSTN_GATEWAY: z.string().default('127.0.0.1:5080'),
  /** info: every routing answer given to Kamailio is logged; warn: only problems. */
  LOG_LEVEL: z.enum(['info', 'warn']).default('info'),
  /** Voicemail messages, greetings and spoken prompts live under this folder. */
  VOICEMAIL_DIR: z.string().default('.run/voicemail'),
  /** The voicemail service's SIP address (host:port, UDP on loopback): where Kamailio hands voicemail calls. */
  VOICEMAIL_SIP: z.string().regex(/^[\w.-]+:\d+$/, 'VOICEMAIL_SIP is host:port').default('127.0.0.1:5070'),
  /** Longest voicemail message, in seconds. */
  VOICEMAIL_MAX_SECONDS: z.coerce.number().int().min(10).max(3600).default(180),
  /** The auto-deletion job looks at the database at least this often (ms), and whenever a message falls due. */
  VOICEMAIL_SWEEP_MS: z.coerce.number().int().min(50).default(60_000),
});

export type Config = {
  host: string;
  port: number;
  databasePath: string;
  publicOrigins: string[];
  staticDir: string;
  sessionMs: number;
  sip: { authSecret: string; domain: string; wsUrl: string; credentialSeconds: number; pstnGateway: string };
  kamailio: { host: string; wsPort: number };
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
    databasePath: e.DATABASE_PATH,
    publicOrigins: e.PUBLIC_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
    staticDir: e.STATIC_DIR,
    sessionMs: e.SESSION_HOURS * 3_600_000,
    sip: { authSecret: e.SIP_AUTH_SECRET, domain: e.SIP_DOMAIN, wsUrl: e.SIP_WS_URL, credentialSeconds: e.SIP_CREDENTIAL_SECONDS, pstnGateway: e.PSTN_GATEWAY },
    kamailio: { host: e.KAMAILIO_HOST, wsPort: e.KAMAILIO_WS_PORT },
    rtpengine: { host: ngHost ?? '127.0.0.1', port: Number(ngPort ?? 22222) },
    logInfo: e.LOG_LEVEL === 'info',
    voicemail: { dir: e.VOICEMAIL_DIR, sip: e.VOICEMAIL_SIP, maxSeconds: e.VOICEMAIL_MAX_SECONDS, sweepMs: e.VOICEMAIL_SWEEP_MS },
  };
}
