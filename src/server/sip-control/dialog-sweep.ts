import { execFile } from 'node:child_process';

/**
 * The Call-IDs of every dialog Kamailio holds, from `kamcmd dlg.list` on its control socket. Rejects when
 * Kamailio cannot be asked (then nothing is reconciled: a missing answer is not an empty list).
 */
export function kamailioDialogCallIds(ctlSocket: string, timeoutMs = 5000): Promise<Set<string>> {
  return new Promise((resolve, reject) => {
    execFile(
      'kamcmd',
      ['-s', `unix:${ctlSocket}`, 'dlg.list'],
      { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout) => {
        if (err) return reject(err);
        if (/^error: /m.test(stdout)) return reject(new Error(`kamcmd dlg.list: ${stdout.trim()}`));
        resolve(new Set([...stdout.matchAll(/^\s*call-id: (\S+)\s*$/gm)].map((m) => m[1]!)));
      },
    );
  });
}

/**
 * Every `everyMs`, closes calls whose dialog Kamailio no longer holds. A call must be `graceMs` old first:
 * the list is taken before the database is read, so a call that started in between is never mistaken for
 * a lost one.
 */
export function startDialogSweep(opts: {
  listDialogs: () => Promise<Set<string>>;
  reconcile: (live: Set<string>, before: number) => number;
  now: () => number;
  everyMs: number;
  graceMs?: number;
  log: (line: string) => void;
}): { stop(): void; runOnce(graceMs?: number): Promise<number> } {
  let running = false;
  const runOnce = async (graceMs = opts.graceMs ?? 10_000) => {
    if (running) return 0;
    running = true;
    try {
      const listedAt = opts.now();
      const live = await opts.listDialogs();
      const closed = opts.reconcile(live, listedAt - graceMs);
      if (closed) opts.log(`[calls] closed ${closed} call(s) Kamailio no longer holds a dialog for`);
      return closed;
    } catch (err) {
      opts.log(
        `[calls] dialog sweep skipped: Kamailio not reachable (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`,
      );
      return 0;
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void runOnce(), opts.everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer), runOnce };
}
