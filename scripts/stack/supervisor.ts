import type { ProcessHandle } from './process-handle';

/** One supervised process: how to start it (again). Any server process of the product can be one. */
export interface SupervisedPart {
  readonly name: string;
  /** The running process. */
  current(): ProcessHandle;
  /** Starts a fresh process (same settings) and makes it `current`. */
  restart(): Promise<ProcessHandle>;
}

export interface Supervisor {
  /** Stops watching: exits after this are not restarts. */
  stop(): void;
  /** Resolves with the part's next process once it has been restarted (tests and operations). */
  nextStart(name: string): Promise<ProcessHandle>;
}

export type BackoffOptions = {
  firstMs: number;
  maxMs: number;
  /** A part running this long counts as healthy again. */ stableMs: number;
};
const DEFAULT_BACKOFF: BackoffOptions = { firstMs: 1000, maxMs: 30_000, stableMs: 60_000 };

/**
 * Watches each part; when one exits on its own it is started again after a backoff that doubles with every
 * quick failure (1 s, 2 s, 4 s … 30 s) and resets once the part has run for a minute. The other parts keep
 * running: Kamailio and rtpengine (and the calls they carry) are untouched when the companion restarts.
 */
export function supervise(
  parts: SupervisedPart[],
  opts: { log: (line: string) => void; backoff?: Partial<BackoffOptions> },
): Supervisor {
  const backoff = { ...DEFAULT_BACKOFF, ...opts.backoff };
  let stopped = false;
  const waiters = new Map<string, Array<(h: ProcessHandle) => void>>();

  const watch = (part: SupervisedPart, failures: number) => {
    const handle = part.current();
    const startedAt = Date.now();
    void handle.exited.then(async ({ code, signal }) => {
      if (stopped) return;
      const quick = Date.now() - startedAt < backoff.stableMs;
      const attempt = quick ? failures + 1 : 1;
      const delay = Math.min(backoff.maxMs, backoff.firstMs * 2 ** (attempt - 1));
      opts.log(
        `${part.name} (pid ${handle.pid}) exited (${signal ?? code}); restarting in ${delay / 1000} s. Last log lines:\n${handle.logTail(10)}`,
      );
      await new Promise((r) => setTimeout(r, delay));
      if (stopped) return;
      try {
        const next = await part.restart();
        opts.log(`${part.name} is running again (pid ${next.pid})`);
        for (const resolve of waiters.get(part.name) ?? []) resolve(next);
        waiters.delete(part.name);
        watch(part, attempt);
      } catch (err) {
        opts.log(`${part.name} failed to start: ${(err as Error).message.split('\n')[0]}`);
        // Try again with the next backoff step: watch a process that has already exited.
        watch({ ...part, current: () => exitedHandle(handle) }, attempt);
      }
    });
  };
  for (const part of parts) watch(part, 0);

  return {
    stop: () => void (stopped = true),
    nextStart: (name) => new Promise((resolve) => waiters.set(name, [...(waiters.get(name) ?? []), resolve])),
  };
}

/** A stand-in for a start that failed: it has "exited" at once, so the supervisor backs off and retries. */
function exitedHandle(previous: ProcessHandle): ProcessHandle {
  return { ...previous, exited: Promise.resolve({ code: 1, signal: null }), isRunning: () => false };
}
