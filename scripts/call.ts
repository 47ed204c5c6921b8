/**
 * The phone network calling in: sipp places one call to Kamailio over UDP from 127.0.0.2 (the local stack's
 * inbound gateway address, INBOUND_GATEWAYS) and plays a
 * 1 kHz PCMU tone (an RTP pcap generated here) once answered.
 *
 *   npm run call -- <number> [--from <caller>] [--duration <s>] [--port <kamailio sip port>]
 *                   [--domain <host>] [--cancel-after <ms>]
 *
 * Prints ringing, answer time, RTP sent/received and the final status; exits 0 when answered.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CALLER_DEFAULTS, PHONE_NETWORK_HOST, startCaller } from './sipp/caller';

const usage =
  'usage: npm run call -- <number> [--from <caller>] [--duration <s>] [--port <kamailio sip port>] [--domain <host>] [--cancel-after <ms>]';

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      from: { type: 'string', default: CALLER_DEFAULTS.from },
      duration: { type: 'string', default: String(CALLER_DEFAULTS.durationS) },
      port: { type: 'string', default: String(CALLER_DEFAULTS.kamailioPort) },
      domain: { type: 'string', default: '127.0.0.1' },
      'cancel-after': { type: 'string' },
      'run-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const number = positionals[0];
  const durationS = Number(values.duration);
  const port = Number(values.port);
  if (values.help || !number || !(durationS >= 0) || !(port > 0)) {
    console.error(usage);
    process.exit(values.help ? 0 : 2);
  }
  const runDir = values['run-dir'] ?? mkdtempSync(join(tmpdir(), 'switchboard-call-'));
  mkdirSync(runDir, { recursive: true });
  const started = Date.now();
  const since = (at?: number) => (at === undefined ? '' : `+${Math.round(at - started)} ms`);

  console.log(
    `calling sip:${number}@${values.domain} from ${values.from} (gateway ${PHONE_NETWORK_HOST}) via 127.0.0.1:${port} (logs in ${runDir})`,
  );
  const { leg, result } = await startCaller({
    runDir,
    number,
    from: values.from,
    domain: values.domain,
    kamailioPort: port,
    durationS,
    cancelAfterMs: values['cancel-after'] === undefined ? undefined : Number(values['cancel-after']),
  });
  const stop = () => void leg.stop();
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  void leg.waitFor('ringing', 600_000).then(
    (e) => console.log(`ringing         ${since(e.at)}`),
    () => {},
  );
  void leg.waitFor('answered', 600_000).then(
    (e) =>
      console.log(
        `answered        ${since(e.at)} (after ${Math.round(e.at - (leg.event('invite')?.at ?? started))} ms); media to ${e.args[1]}:${e.args[2]}, staying ${durationS} s`,
      ),
    () => {},
  );
  const call = await result;
  if (call.answeredAt !== undefined) {
    console.log(`ended           ${since(call.endedAt)} by ${call.endedBy ?? 'nobody (no BYE completed)'}`);
    console.log(
      `rtp             sent ${call.rtp.sent} packets, received ${call.rtp.received}${call.rtp.from ? ` from ${call.rtp.from}` : ''}`,
    );
  }
  console.log(
    `final status    ${call.finalCode ?? 'none'}${call.exitCode === 0 ? '' : ` (sipp exit ${call.exitCode}; see ${runDir})`}`,
  );
  process.exit(call.finalCode === 200 && call.exitCode === 0 ? 0 : 1);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
