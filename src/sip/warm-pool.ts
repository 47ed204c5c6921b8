import type { Timers } from './reconnect';

/**
 * Keeps one thing ready before it is needed (a peer connection with its offer made and its candidates
 * gathered), for one key (the microphone constraints it was made with). Each item is handed out once: taking
 * it empties the pool and the next one is built. An item that waited longer than `maxAgeMs` is replaced.
 */
export interface WarmPoolDeps<T> {
  /** Builds one item for `key`; rejects when it cannot (no microphone, refused). */
  create(key: string): Promise<T>;
  /** Frees an item nobody took (closes its connection). */
  dispose(item: T): void;
  timers: Timers;
  maxAgeMs: number;
}

export interface WarmPool<T> {
  /** Keeps an item ready for `key`: builds one unless one for this key is ready or on its way. */
  warm(key: string): void;
  /** The ready item for `key`, which leaves the pool for good (a new one is built); else undefined. */
  take(key: string): T | undefined;
  /** Throws the ready item away and builds another (the network changed). */
  refresh(): void;
  /** Throws everything away and builds nothing until `warm` is called again. */
  stop(): void;
  /** What the pool holds now, for tests and the bench. */
  state(): 'off' | 'building' | 'ready' | 'failed';
}

type Slot<T> = { key: string; item?: T; failed?: boolean; ageTimer?: unknown };

export function createWarmPool<T>(deps: WarmPoolDeps<T>): WarmPool<T> {
  let slot: Slot<T> | undefined;

  const clear = () => {
    if (!slot) return;
    if (slot.ageTimer !== undefined) deps.timers.clearTimeout(slot.ageTimer);
    if (slot.item !== undefined) deps.dispose(slot.item);
    slot = undefined;
  };

  const build = (key: string) => {
    const mine: Slot<T> = { key };
    slot = mine;
    deps.create(key).then(
      (item) => {
        // Stopped, refreshed or re-keyed while it was being built: nobody may use it.
        if (slot !== mine) return deps.dispose(item);
        mine.item = item;
        mine.ageTimer = deps.timers.setTimeout(() => {
          if (slot !== mine) return;
          clear();
          build(key);
        }, deps.maxAgeMs);
      },
      () => {
        // No retry loop: the next warm() with another key, a refresh() or a stop()/warm() tries again.
        if (slot === mine) mine.failed = true;
      },
    );
  };

  return {
    warm(key) {
      if (slot?.key === key) return;
      clear();
      build(key);
    },
    take(key) {
      if (!slot || slot.key !== key || slot.item === undefined) return undefined;
      const { item, ageTimer } = slot;
      if (ageTimer !== undefined) deps.timers.clearTimeout(ageTimer);
      slot = undefined;
      build(key);
      return item;
    },
    refresh() {
      if (!slot) return;
      const { key } = slot;
      clear();
      build(key);
    },
    stop: clear,
    state: () => (!slot ? 'off' : slot.item !== undefined ? 'ready' : slot.failed ? 'failed' : 'building'),
  };
}
