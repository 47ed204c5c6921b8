/**
 * The phone network answering: sipp listens as the gateway (PSTN_GATEWAY) and answers agents' calls to
 * customers with an 800 Hz PCMU tone, printing the caller ID each call presents.
 *
 *   npm run answer -- [--listen <host:port>] [--ring <ms>] [--busy <number>]... [--calls <n>]
 *
 * --listen defaults to the first gateway of PSTN_GATEWAY, else 127.0.0.2:5080 (the product's default).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { GATEWAY_DEFAULTS, startGateway } from './sipp/gateway';

const usage = 'usage: npm run answer -- [--listen <host:port>] [--ring <ms>] [--busy <number>]... [--calls <n>]';

async function main() {
  const { values } = parseArgs({
    options: {
      listen: {
        type: 'string',
        default: (process.env.PSTN_GATEWAY ?? `${GATEWAY_DEFAULTS.host}:${GATEWAY_DEFAULTS.port}`)
          .split(',')[0]!
          .trim(),
      },
      ring: { type: 'string', default: String(GATEWAY_DEFAULTS.ringMs) },
      busy: { type: 'string', multiple: true, default: [] },
      calls: { type: 'string', default: '1000' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [host, portText] = values.listen.split(':');
  const port = Number(portText ?? 5080);
  if (values.help || !host || !(port > 0) || !(Number(values.ring) >= 0) || !(Number(values.calls) > 0)) {
    console.error(usage);
    process.exit(values.help ? 0 : 2);
  }
  const runDir = mkdtempSync(join(tmpdir(), 'switchboard-answer-'));
  const gateway = await startGateway({
    runDir,
    host,
    port,
    ringMs: Number(values.ring),
    busy: values.busy,
    calls: Number(values.calls),
    timeoutS: 86_400,
  });
  console.log(
    `phone network answering at ${host}:${port} (ring ${values.ring} ms, tone ${GATEWAY_DEFAULTS.frequency} Hz; logs in ${runDir}). Ctrl-C stops it.`,
  );
  const stop = () => void gateway.leg.stop();
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  let printed = 0;
  const seen = new Set<string>();
  const timer = setInterval(() => {
    for (const invite of gateway.invites().slice(printed)) {
      printed++;
      console.log(
        `INVITE ${invite.callee}  From ${invite.displayName ? `"${invite.displayName}" ` : ''}${invite.fromUri}  P-Asserted-Identity ${invite.assertedIdentity || '(none)'}`,
      );
    }
    for (const e of gateway.leg.events()) {
      const key = `${e.name}@${e.at}`;
      if (!['answered', 'busy', 'cancelled', 'ended'].includes(e.name) || seen.has(key)) continue;
      seen.add(key);
      console.log(`  ${e.name}`);
    }
  }, 100);
  const code = await gateway.leg.done;
  clearInterval(timer);
  const { sent, received, payloadTypes } = gateway.leg.rtp.stats;
  console.log(`rtp sent ${sent} packets, received ${received} (payload types ${payloadTypes.join(', ') || 'none'})`);
  process.exit(code === 0 ? 0 : 1);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
