import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEMO_PASSWORD, demoStaff } from '../src/server/seed/demo-org';
import { startProductStack } from './stack/product-stack';
import { supervise } from './stack/supervisor';

const say = (line: string) => console.log(`\x1b[1m[start]\x1b[0m ${line}`);
const runDir = resolve(process.env.RUN_DIR ?? '.run');
mkdirSync(runDir, { recursive: true, mode: 0o700 });
chmodSync(runDir, 0o700);

/** The SIP secret is shared by Kamailio and the companion; kept in the run folder so restarts agree. */
function authSecret(): string {
  if (process.env.SIP_AUTH_SECRET) return process.env.SIP_AUTH_SECRET;
  const file = resolve(runDir, 'sip-auth-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(24).toString('base64url'), { mode: 0o600 });
  chmodSync(file, 0o600);
  return readFileSync(file, 'utf8').trim();
}

const stack = await startProductStack({
  runDir,
  authSecret: authSecret(),
  ports: {
    ...(process.env.PORT ? { http: Number(process.env.PORT) } : {}),
    ...(process.env.HOOK_PORT ? { hook: Number(process.env.HOOK_PORT) } : {}),
  },
  databasePath: process.env.DATABASE_PATH,
  failsafeUri: process.env.SIP_FAILSAFE_URI,
  env: Object.fromEntries(
    [
      'PSTN_GATEWAY',
      'INBOUND_GATEWAYS',
      'PUBLIC_ORIGINS',
      'CALL_SWEEP_SECONDS',
      'LOG_LEVEL',
      'SESSION_HOURS',
      'SIP_CREDENTIAL_SECONDS',
      'VOICEMAIL_MAX_SECONDS',
      'VOICEMAIL_SILENCE_SECONDS',
    ].flatMap((k) => (process.env[k] ? [[k, process.env[k]!]] : [])),
  ),
  log: say,
});

say(`Switchboard is running: open ${stack.url} in two browser windows (logs in ${runDir})`);
say(`demo sign-ins (password "${DEMO_PASSWORD}"):`);
for (const s of demoStaff) say(`  ${s.email.padEnd(24)} ${s.role.padEnd(10)} ext. ${s.extension ?? '-'}`);
say('call a demo number from the phone network: npm run call -- +442071234567 (Sales line), +18005550100 (Support),');
say(
  '  +442071234568 (Lettings), +442071234569 (Bookings), +442079460000 (company number), +442079460001 (main number)',
);
say(
  'voicemail: +442071234569 (Bookings) goes to voicemail when Carol does not answer; the voice portal is *98 (main-number box, PIN 0000)',
);
say('press Ctrl-C to stop everything started here');

// A part that fails is started again (with backoff); the others keep running, and so do the calls.
const supervisor = supervise(stack.parts(), { log: say });

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  supervisor.stop();
  say(
    `${signal}: stopping companion (pid ${stack.companion.pid}), voicemail (pid ${stack.voicemail.pid}), Kamailio (pid ${stack.sip.kamailio.pid}), rtpengine (pid ${stack.sip.rtpengine.pid})`,
  );
  await stack.stop();
  say('stopped');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('Ctrl-C'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
