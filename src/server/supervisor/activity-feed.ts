import type { BoardActivity } from '../../common/api/board';
import { localDayAt } from '../../common/domain/local-day';
import type { UseCaseDeps } from '../domain/actor';
import type { BoardActivityQuery } from './board-activity';
import { orgTimeZone } from './supervision';

type Deps = UseCaseDeps & {
  activity: BoardActivityQuery;
  rev: () => number;
  /** To the organisation's supervisors only. */
  emit: (orgId: string, activity: BoardActivity[]) => void;
  later?: (fn: () => void) => void;
  /** Whether anyone of the organisation watches the board now; nobody watching, nothing is read or sent. */
  watched?: (orgId: string) => boolean;
};

/**
 * Pushes an agent's board activity (current call, today's counts) to the supervisors whenever one of their calls
 * changes: changes of one event-loop turn are read and sent together, each agent once. With no supervisor's feed
 * open in the organisation, a call fact costs nothing here (a board that opens later reads the day afresh).
 */
export function createActivityFeed(deps: Deps) {
  const later = deps.later ?? setImmediate;
  const pending = new Map<string, Set<string>>();
  let scheduled = false;

  function flush(): void {
    scheduled = false;
    const batch = [...pending];
    pending.clear();
    for (const [orgId, staffIds] of batch) {
      try {
        const day = localDayAt(deps.now(), orgTimeZone(deps, orgId));
        const rev = deps.rev();
        const list = [...staffIds].flatMap((id) =>
          deps.activity({ orgId, staffIds: [id], only: id, start: day.start, end: day.end, rev }),
        );
        deps.emit(orgId, list);
      } catch (e) {
        console.error('[board] activity not sent:', e);
      }
    }
  }

  return {
    /** These agents' calls changed. */
    touched(orgId: string, staffIds: string[]): void {
      if (staffIds.length === 0 || deps.watched?.(orgId) === false) return;
      let set = pending.get(orgId);
      if (!set) pending.set(orgId, (set = new Set()));
      for (const id of staffIds) set.add(id);
      if (scheduled) return;
      scheduled = true;
      later(flush);
    },
  };
}
export type ActivityFeed = ReturnType<typeof createActivityFeed>;
