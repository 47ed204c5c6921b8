/**
 * The phone network texting in: sipp sends one SIP MESSAGE to Kamailio over UDP from 127.0.0.2, the phone network's address.
 *
 *   npm run text -- <number> --from <sender> [--port <kamailio sip port>] <text...>
 *
 * Prints whether it was accepted (202) or the refusal; exits 0 when accepted.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { freeUdpPort } from './sipp/sipp-leg';
import { sendText } from './sipp/texter';

const usage = 'usage: npm run text -- <number> --from <sender> [--port <kamailio sip port>] <text...>';

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      from: { type: 'string', default: '+447911100200' },
      port: { type: 'string', default: '5060' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [number, ...words] = positionals;
  if (values.help || !number || words.length === 0) {
    console.error(usage);
    process.exit(values.help ? 0 : 2);
  }
  const runDir = mkdtempSync(join(tmpdir(), 'switchboard-text-'));
  const res = await sendText({
    runDir,
    from: values.from,
    to: number,
    body: words.join(' '),
    kamailioPort: Number(values.port),
    localPort: await freeUdpPort(),
  });
  console.log(
    res.accepted
      ? `accepted (202): ${values.from} -> ${number}`
      : `refused: ${res.refusedWith ?? `sipp exited ${res.exitCode}`} (logs in ${runDir})`,
  );
  process.exit(res.accepted ? 0 : 1);
}

void main();
