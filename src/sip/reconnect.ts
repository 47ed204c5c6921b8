export interface Timers {
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

export const defaultTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface ReconnectorOptions {
  timers: Timers;
  /** One connection attempt; rejects when the server could not be reached. */
  attempt: () => Promise<void>;
  /** Called when an attempt fails (before the next is scheduled). */
  onAttemptFailed?: (error: unknown) => void;
  firstDelayMs?: number;
  maxDelayMs?: number;
}

export interface Reconnector {
  /** Schedules the next attempt (no-op if one is already scheduled). */
  schedule(): void;
  /** The connection is up: the next drop starts again from the first delay. */
  reset(): void;
  cancel(): void;
  /** The delay the next schedule() will use. */
  readonly nextDelayMs: number;
}

/** Exponential backoff: 0.5 s, 1 s, 2 s, 4 s, 8 s, 10 s, 10 s … */
export function backoffDelay(attempt: number, firstDelayMs = 500, maxDelayMs = 10_000): number {
  return Math.min(maxDelayMs, firstDelayMs * 2 ** attempt);
}

export function createReconnector(options: ReconnectorOptions): Reconnector {
  const { timers, attempt } = options;
  let attempts = 0;
  let timer: unknown;
  let cancelled = false;
  const delay = () => backoffDelay(attempts, options.firstDelayMs, options.maxDelayMs);

  const schedule = () => {
    cancelled = false;
    if (timer !== undefined) return;
    const ms = delay();
    attempts += 1;
    timer = timers.setTimeout(() => {
      timer = undefined;
      attempt().catch((error: unknown) => {
        if (cancelled) return;
        options.onAttemptFailed?.(error);
        schedule();
      });
    }, ms);
  };

  return {
    schedule,
    reset: () => {
      attempts = 0;
    },
    cancel: () => {
      cancelled = true;
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
      attempts = 0;
    },
    get nextDelayMs() {
      return delay();
    },
  };
}
