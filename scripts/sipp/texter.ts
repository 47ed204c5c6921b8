import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnProcess } from '../stack/process-handle';
import { renderScenario } from './sipp-leg';
import { PHONE_NETWORK_HOST } from './caller';

const scenarioDir = join(dirname(fileURLToPath(import.meta.url)), 'scenarios');

export type TextEvent = { name: string; args: string[] };

function eventsIn(path: string): TextEvent[] {
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .map((line) => /^EVENT (\S+) [0-9.]+ [0-9.]+\s*(.*)$/.exec(line.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ name: m[1]!, args: m[2] ? m[2].split(/\s+/) : [] }));
}

/** The phone network texts `to` (a number at Kamailio) from `from`; resolves with the answer. */
export async function sendText(opts: {
  runDir: string;
  name?: string;
  from: string;
  to: string;
  body: string;
  kamailioPort: number;
  localPort: number;
  domain?: string;
}) {
  if (/[\r\n\]]|]]>/.test(opts.body)) throw new Error('sendText: keep the body on one line, without "]]>"');
  const name = opts.name ?? `text-${opts.localPort}`;
  const { scenarioPath, logPath } = renderScenario({
    dir: scenarioDir,
    scenario: 'text-send',
    runDir: opts.runDir,
    name,
    template: { FROM: opts.from, TO: opts.to, DOMAIN: opts.domain ?? '127.0.0.1', BODY: opts.body },
  });
  const proc = spawnProcess({
    name,
    command: 'sipp',
    args: [
      `127.0.0.1:${opts.kamailioPort}`,
      '-sf',
      scenarioPath,
      '-i',
      PHONE_NETWORK_HOST,
      '-p',
      String(opts.localPort),
      '-t',
      'u1',
      '-m',
      '1',
      '-nostdin',
      '-timeout',
      '15',
      '-timeout_error',
      '-trace_logs',
      '-log_file',
      logPath,
      '-trace_msg',
      '-message_file',
      join(opts.runDir, `${name}.messages.log`),
    ],
    runDir: opts.runDir,
  });
  const { code } = await proc.exited;
  const events = eventsIn(logPath);
  const refused = events.find((e) => e.name === 'refused');
  return {
    exitCode: code ?? -1,
    accepted: events.some((e) => e.name === 'accepted'),
    refusedWith: refused ? Number(refused.args[0]) : undefined,
  };
}

/** The gateway: takes `count` texts, answering 202; `received` lists From and To users of each. */
export function receiveTexts(opts: { runDir: string; name?: string; port: number; count: number; timeoutS?: number }) {
  const name = opts.name ?? `gateway-texts-${opts.port}`;
  const { scenarioPath, logPath } = renderScenario({
    dir: scenarioDir,
    scenario: 'text-receive',
    runDir: opts.runDir,
    name,
    template: {},
  });
  const messagesPath = join(opts.runDir, `${name}.messages.log`);
  const proc = spawnProcess({
    name,
    command: 'sipp',
    args: [
      '-sf',
      scenarioPath,
      '-i',
      PHONE_NETWORK_HOST,
      '-p',
      String(opts.port),
      '-t',
      'u1',
      '-m',
      String(opts.count),
      '-nostdin',
      '-timeout',
      String(opts.timeoutS ?? 60),
      '-trace_logs',
      '-log_file',
      logPath,
      '-trace_msg',
      '-message_file',
      messagesPath,
    ],
    runDir: opts.runDir,
  });
  return {
    received: () =>
      eventsIn(logPath)
        .filter((e) => e.name === 'message')
        .map((e) => ({ from: e.args[0]!, to: e.args[1]! })),
    /** Every SIP message sipp saw, as text (to check headers and bodies). */
    trace: () => {
      try {
        return readFileSync(messagesPath, 'utf8');
      } catch {
        return '';
      }
    },
    stop: () => proc.stop(1000),
    exited: proc.exited,
  };
}
