/**
 * One tab owns the phone: tabs of the same agent in one browser elect an owner with a Web Lock
 * (held for the owner's life, released by the browser when the tab closes) and talk over a
 * BroadcastChannel. The owner publishes its phone state; the others mirror it and send commands
 * that the owner runs and answers. Lock and channel are injected so tests need no browser.
 */

export type TabRole = 'electing' | 'owner' | 'follower';

/** The part of `navigator.locks` we use. */
export interface LockManagerLike {
  request(name: string, options: { signal?: AbortSignal }, callback: () => Promise<void>): Promise<unknown>;
}

/** The part of `BroadcastChannel` we use. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

export type TabMessage<S> =
  | { kind: 'hello'; from: string }
  | { kind: 'state'; from: string; state: S }
  | { kind: 'command'; from: string; requestId: string; name: string; args: unknown[] }
  | { kind: 'result'; to: string; requestId: string; ok: boolean; value?: unknown; error?: string };

export interface TabLeadershipDeps<S> {
  locks: LockManagerLike;
  channel: ChannelLike;
  lockName: string;
  tabId: string;
  /** Called once this tab becomes the owner; resolve when the phone is started. */
  onOwner(): Promise<void> | void;
  /** The owner's current state, sent to a follower that says hello. */
  currentState(): S;
  /** Runs a follower's command in the owner. */
  runCommand(name: string, args: unknown[]): Promise<unknown> | unknown;
  /** A follower receives the owner's state. */
  onState(state: S): void;
  onRole?(role: TabRole): void;
  /** A follower's command fails after this long without an answer (no tab holds the phone); default 10 s. */
  commandTimeoutMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface TabLeadership<S> {
  role(): TabRole;
  /** The owner calls it whenever its state changes. */
  publish(state: S): void;
  /** A follower's command, run by the owner; rejects with the owner's error or when no owner answers. */
  send(name: string, ...args: unknown[]): Promise<unknown>;
  /** Gives the lock up (sign-out, or the tab closing). */
  stop(): void;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

const NO_OWNER = 'No tab holding the phone answered; try again';

export function createTabLeadership<S>(deps: TabLeadershipDeps<S>): TabLeadership<S> {
  let role: TabRole = 'electing';
  let seq = 0;
  const pending = new Map<string, Pending>();
  const abort = new AbortController();
  let release: () => void = () => undefined;
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const timeoutMs = deps.commandTimeoutMs ?? 10_000;

  const setRole = (next: TabRole) => {
    role = next;
    deps.onRole?.(next);
  };
  const post = (message: TabMessage<S>) => deps.channel.postMessage(message);

  deps.channel.addEventListener('message', ({ data }) => {
    const message = data as TabMessage<S>;
    if (message.kind === 'hello' && role === 'owner')
      post({ kind: 'state', from: deps.tabId, state: deps.currentState() });
    else if (message.kind === 'state' && role !== 'owner') deps.onState(message.state);
    else if (message.kind === 'command' && role === 'owner') void answer(message);
    else if (message.kind === 'result' && message.to === deps.tabId) settle(message);
  });

  async function answer(message: Extract<TabMessage<S>, { kind: 'command' }>) {
    try {
      const value = await deps.runCommand(message.name, message.args);
      post({ kind: 'result', to: message.from, requestId: message.requestId, ok: true, value });
    } catch (error) {
      post({
        kind: 'result',
        to: message.from,
        requestId: message.requestId,
        ok: false,
        error: (error as Error).message,
      });
    }
  }

  function settle(message: Extract<TabMessage<S>, { kind: 'result' }>) {
    const waiting = pending.get(message.requestId);
    if (!waiting) return;
    pending.delete(message.requestId);
    if (message.ok) waiting.resolve(message.value);
    else waiting.reject(new Error(message.error ?? 'The phone tab refused the command'));
  }

  setRole('follower');
  post({ kind: 'hello', from: deps.tabId });
  deps.locks
    .request(deps.lockName, { signal: abort.signal }, async () => {
      setRole('owner');
      for (const [requestId, waiting] of pending) {
        pending.delete(requestId);
        waiting.reject(new Error('The phone moved to this tab; try again'));
      }
      await deps.onOwner();
      post({ kind: 'state', from: deps.tabId, state: deps.currentState() });
      await new Promise<void>((resolve) => (release = resolve));
    })
    .catch(() => undefined);

  return {
    role: () => role,
    publish(state) {
      if (role === 'owner') post({ kind: 'state', from: deps.tabId, state });
    },
    async send(name, ...args) {
      if (role === 'owner') return deps.runCommand(name, args);
      const requestId = `${deps.tabId}:${++seq}`;
      const result = new Promise<unknown>((resolve, reject) => {
        const timer = setTimer(() => {
          if (pending.delete(requestId)) reject(new Error(NO_OWNER));
        }, timeoutMs);
        const done = () => clearTimer(timer);
        pending.set(requestId, {
          resolve: (value) => (done(), resolve(value)),
          reject: (error) => (done(), reject(error)),
        });
      });
      post({ kind: 'command', from: deps.tabId, requestId, name, args });
      return result;
    },
    stop() {
      abort.abort();
      release();
      deps.channel.close();
      for (const waiting of pending.values()) waiting.reject(new Error('This tab stopped'));
      pending.clear();
    },
  };
}
