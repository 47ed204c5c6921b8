import type { PresenceHistoryRepo, StateChange } from './presence-history-repo';

/**
 * Writes state changes to the history a turn of the event loop later, all of one turn in one transaction:
 * a burst of changes (a thousand agents reconnecting) costs one commit, not one each. `flush` writes what is
 * pending now (the companion is closing).
 */
export function createHistoryWriter(repo: PresenceHistoryRepo, later: (fn: () => void) => void = setImmediate) {
  let pending: StateChange[] = [];
  let scheduled = false;
  function flush(): void {
    scheduled = false;
    const batch = pending;
    pending = [];
    try {
      repo.insertMany(batch);
    } catch (e) {
      // Presence keeps working without its history; the failure is said, never swallowed silently.
      console.error(`[presence] ${batch.length} state changes not recorded:`, e);
    }
  }
  return {
    record(change: StateChange): void {
      pending.push(change);
      if (scheduled) return;
      scheduled = true;
      later(flush);
    },
    flush,
  };
}
export type HistoryWriter = ReturnType<typeof createHistoryWriter>;
