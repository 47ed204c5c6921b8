import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PHONE_NETWORK_HOST } from '../../../scripts/sipp/caller';
import { spawnProcess, type ProcessHandle } from '../../../scripts/stack/process-handle';

const scenarios = join(dirname(fileURLToPath(import.meta.url)), 'scenarios');

export interface SippOptions {
  runDir: string;
  /** Log/trace name inside runDir. */
  name: string;
  scenario: 'register' | 'register-refused' | 'uac-call' | 'uac-rejected' | 'uas-answer' | 'uas-reinvite';
  /** Kamailio's SIP port; omitted for a UAS that only listens. */
  remotePort?: number;
  localPort: number;
  transport?: 'u1' | 't1';
  keys?: Record<string, string>;
  auth?: { username: string; password: string };
  calls?: number;
  /** The address sipp signals from: callers (uac-*) are the phone network (PHONE_NETWORK_HOST), others 127.0.0.1. */
  host?: string;
}

/** Starts sipp; the handle's `exited` resolves with sipp's exit code (0: every call passed). */
export function startSipp(opts: SippOptions): ProcessHandle {
  const args = [
    ...(opts.remotePort ? [`127.0.0.1:${opts.remotePort}`] : []),
    '-sf',
    join(scenarios, `${opts.scenario}.xml`),
    '-i',
    opts.host ?? (opts.scenario.startsWith('uac') ? PHONE_NETWORK_HOST : '127.0.0.1'),
    '-mi',
    '127.0.0.1',
    '-p',
    String(opts.localPort),
    '-t',
    opts.transport ?? 'u1',
    '-m',
    String(opts.calls ?? 1),
    '-l',
    '1',
    '-nostdin',
    '-timeout',
    '20',
    '-timeout_error',
    '-max_recv_loops',
    '1000',
    '-trace_msg',
    '-message_file',
    join(opts.runDir, `${opts.name}.messages.log`),
    '-trace_err',
    '-error_file',
    join(opts.runDir, `${opts.name}.errors.log`),
  ];
  for (const [key, value] of Object.entries(opts.keys ?? {})) args.push('-key', key, value);
  if (opts.auth) args.push('-au', opts.auth.username, '-ap', opts.auth.password);
  return spawnProcess({ name: opts.name, command: 'sipp', args, runDir: opts.runDir });
}

/** Runs sipp to completion; resolves with its exit code. */
export async function runSipp(opts: SippOptions): Promise<number> {
  const handle = startSipp(opts);
  const { code } = await handle.exited;
  return code ?? -1;
}
