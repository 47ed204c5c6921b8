import { z } from 'zod';
import { companionClient } from './companion-client';
import { SipUas } from './sip-uas';

/**
 * The voicemail service: its own process, a SIP user agent on loopback behind Kamailio. Calls reach it as
 * sip:vm-<boxId>@<host>:<port> (leave a message) or sip:portal-…@<host>:<port> (the voice portal), media as
 * plain RTP PCMU through rtpengine. Every row and file is the companion's: the service asks it for greetings
 * and prompts and hands it each recording (src/common/voicemail-hooks.ts).
 */
const env = z
  .object({
    VOICEMAIL_HOST: z.string().default('127.0.0.1'),
    VOICEMAIL_SIP_PORT: z.coerce.number().int().min(1).max(65535).default(5070),
    /** Kamailio's SIP address: the only sender allowed to start calls. */
    VOICEMAIL_PROXY: z
      .string()
      .regex(/^[\d.]+:\d+$/)
      .default('127.0.0.1:5060'),
    COMPANION_URL: z.string().url().default('http://127.0.0.1:8080'),
    HOOK_TOKEN: z.string().min(8),
    VOICEMAIL_SILENCE_SECONDS: z.coerce.number().positive().default(5),
    VOICEMAIL_RTP_MIN: z.coerce.number().int().optional(),
    VOICEMAIL_RTP_MAX: z.coerce.number().int().optional(),
  })
  .parse(process.env);

const log = (line: string) => console.log(`[voicemail] ${line}`);
const uas = await SipUas.start({
  host: env.VOICEMAIL_HOST,
  port: env.VOICEMAIL_SIP_PORT,
  proxy: env.VOICEMAIL_PROXY,
  companion: companionClient(env.COMPANION_URL.replace(/\/+$/, ''), env.HOOK_TOKEN),
  silenceSeconds: env.VOICEMAIL_SILENCE_SECONDS,
  rtpRange:
    env.VOICEMAIL_RTP_MIN && env.VOICEMAIL_RTP_MAX
      ? { min: env.VOICEMAIL_RTP_MIN, max: env.VOICEMAIL_RTP_MAX }
      : undefined,
  log,
});
log(
  `listening on udp:${env.VOICEMAIL_HOST}:${env.VOICEMAIL_SIP_PORT} (proxy ${env.VOICEMAIL_PROXY}, companion ${env.COMPANION_URL})`,
);

const stop = async (signal: string) => {
  log(`${signal}: hanging up ${uas.activeCalls} call(s) and closing`);
  await uas.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
