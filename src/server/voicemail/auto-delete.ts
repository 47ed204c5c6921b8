import type { Repos } from '../storage/repos';
import type { Inbox, VoicemailPublisher } from './inbox';
import type { MessageStore } from './message-store';

/**
 * Auto-deletion: every message carries the time it falls due (its start plus the box's period), so the
 * schedule lives in the database. The job wakes when the earliest message falls due (read again after every
 * run, at start-up and whenever a message arrives or a period changes), or at the latest every
 * `maxWaitMs`, and removes row and file together. A restart loses nothing: the next run is read from the
 * rows, not from a timer set before.
 */
export function startAutoDelete(deps: {
  repos: Repos;
  store: MessageStore;
  inbox: Inbox;
  publish: VoicemailPublisher;
  now: () => number;
  maxWaitMs: number;
}) {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  function runDue(): number {
    let removed = 0;
    for (;;) {
      const due = deps.repos.voicemail.due(deps.now(), 200);
      if (due.length === 0) return removed;
      for (const m of due) {
        if (!deps.store.remove(m.orgId, m.id)) continue;
        removed++;
        deps.publish.changed(deps.inbox.listenersOf(m.orgId, m.boxId), m.id);
      }
    }
  }

  function schedule() {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    const next = deps.repos.voicemail.nextDue();
    const wait = next === undefined ? deps.maxWaitMs : Math.max(0, Math.min(deps.maxWaitMs, next - deps.now()));
    timer = setTimeout(tick, wait).unref();
  }

  function tick() {
    try {
      const removed = runDue();
      if (removed > 0) console.log(`[voicemail] auto-deletion removed ${removed} message${removed === 1 ? '' : 's'}`);
    } catch (err) {
      console.error('[voicemail] auto-deletion failed', err);
    }
    schedule();
  }

  const repaired = deps.store.reconcile();
  if (repaired.rows || repaired.files)
    console.log(
      `[voicemail] repaired storage: ${repaired.rows} row(s) without a file, ${repaired.files} file(s) without a row removed`,
    );
  tick();
  return {
    /** A message arrived or a period changed: the next run may be sooner. */
    reschedule: schedule,
    runNow: tick,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
