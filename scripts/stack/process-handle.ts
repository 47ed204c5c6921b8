import { spawn } from 'node:child_process';
import { chmodSync, createWriteStream, existsSync } from 'node:fs';
import { join } from 'node:path';

export interface ProcessHandle {
  readonly name: string;
  readonly pid: number;
  readonly logPath: string;
  /** Resolves when the process has exited (code or signal). */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  isRunning(): boolean;
  /** The last `lines` lines of the log. */
  logTail(lines?: number): string;
  /** Waits until a log line matches, or the predicate resolves true. */
  waitFor(ready: RegExp | (() => Promise<boolean>), timeoutMs: number): Promise<void>;
  /** SIGTERM to exactly this PID, SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface SpawnOptions {
  name: string;
  command: string;
  args: string[];
  runDir: string;
  env?: NodeJS.ProcessEnv;
  /** Strings (secrets, tokens) never written to the log or kept in memory: each becomes `[redacted]`. */
  redact?: string[];
  /**
   * The process forks workers (Kamailio): it leads its own process group, and when it exits, however it
   * exits, whatever is left of that group is killed, so no orphaned worker keeps its ports or our log pipe.
   */
  ownGroup?: boolean;
}

/** Signals one PID (or, negative, a process group); ignores a process that has just exited. */
function sendSignal(pid: number, sig: NodeJS.Signals) {
  try {
    process.kill(pid, sig);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function spawnProcess(opts: SpawnOptions): ProcessHandle {
  const logPath = join(opts.runDir, `${opts.name}.log`);
  // Logs are for the owner only; an existing log keeps its content but loses any wider permission.
  const log = createWriteStream(logPath, { flags: 'a', mode: 0o600 });
  if (existsSync(logPath)) chmodSync(logPath, 0o600);
  const secrets = (opts.redact ?? []).filter((s) => s.length >= 8);
  const child = spawn(opts.command, opts.args, {
    cwd: opts.runDir,
    env: opts.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: opts.ownGroup ?? false,
  });
  if (child.pid === undefined) throw new Error(`${opts.name}: spawn ${opts.command} failed`);
  const pid = child.pid;

  let output = '';
  let running = true;
  // Whole lines only, so a secret split across two reads is still found.
  let partial = '';
  const write = (text: string) => {
    const clean = secrets.reduce((t, secret) => t.split(secret).join('[redacted]'), text);
    log.write(clean);
    output += clean;
    if (output.length > 1_000_000) output = output.slice(-500_000);
  };
  const onData = (chunk: Buffer) => {
    const text = partial + chunk.toString('utf8');
    const cut = text.lastIndexOf('\n') + 1;
    partial = text.slice(cut);
    if (partial.length > 64_000) {
      write(partial);
      partial = '';
    }
    if (cut > 0) write(text.slice(0, cut));
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);

  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      running = false;
      if (opts.ownGroup) sendSignal(-pid, 'SIGKILL');
      resolve({ code, signal });
    });
  });
  // Closing the log waits for the pipes to drain.
  child.on('close', () => {
    if (partial) write(partial);
    log.end();
  });
  child.on('error', (err) => onData(Buffer.from(`spawn error: ${err.message}\n`)));

  const logTail = (lines = 30) =>
    output
      .split('\n')
      .slice(-lines - 1)
      .join('\n');

  const waitFor = async (ready: RegExp | (() => Promise<boolean>), timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (ready instanceof RegExp ? ready.test(output) : await ready()) return;
      if (!running) {
        throw new Error(`${opts.name} (pid ${pid}) exited before it was ready. Log tail:\n${logTail()}`);
      }
      if (Date.now() > deadline) {
        throw new Error(`${opts.name} (pid ${pid}) not ready after ${timeoutMs} ms. Log tail:\n${logTail()}`);
      }
      await sleep(50);
    }
  };

  const stop = async (graceMs = 5000) => {
    if (!running) return;
    sendSignal(pid, 'SIGTERM');
    const killed = await Promise.race([exited.then(() => true), sleep(graceMs).then(() => false)]);
    if (!killed && running) {
      sendSignal(pid, 'SIGKILL');
      await exited;
    }
  };

  return { name: opts.name, pid, logPath, exited, isRunning: () => running, logTail, waitFor, stop };
}
