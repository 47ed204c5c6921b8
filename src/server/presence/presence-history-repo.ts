import type { PresenceState } from '../../common/presence';
import type { Db } from '../storage/database';

/** One change of an agent's state: what they are in from `at`, what they were in before, and who did it. */
export type StateChange = {
  orgId: string;
  staffId: string;
  state: PresenceState;
  fromState: PresenceState;
  reason: string | null;
  at: number;
  by: { id: string; name: string } | null;
};

export type HistoryStretch = {
  state: PresenceState;
  fromState: PresenceState;
  reason: string | null;
  from: number;
  to: number | null;
  setBy: { id: string; name: string } | null;
};

export interface PresenceHistoryRepo {
  /** Many changes in one transaction (the writer batches one event-loop turn's worth). */
  insertMany(changes: StateChange[]): void;
  /**
   * After a restart everyone starts offline: anyone whose last stretch is not offline gets an offline row at
   * `at`, so a stretch never runs on through the time the companion was down.
   */
  closeOpen(at: number): number;
  /** The stretches of one agent that overlap [start, end), oldest first; `to` null for the one still running. */
  between(staffId: string, start: number, end: number): HistoryStretch[];
}

type Row = Omit<HistoryStretch, 'setBy'> & { setById: string | null; setByName: string | null };

export function createPresenceHistoryRepo(db: Db): PresenceHistoryRepo {
  const insert =
    db.prepare(`INSERT INTO presence_history (org_id, staff_id, state, from_state, reason, started_at, set_by, set_by_name)
    VALUES (@orgId, @staffId, @state, @fromState, @reason, @at, @byId, @byName)`);
  const insertMany = db.transaction((changes: StateChange[]) => {
    for (const c of changes) insert.run({ ...c, byId: c.by?.id ?? null, byName: c.by?.name ?? null });
  });
  const closeOpen = db.prepare(`INSERT INTO presence_history (org_id, staff_id, state, from_state, reason, started_at)
    SELECT h.org_id, h.staff_id, 'offline', h.state, 'Switchboard server restarted', MAX(@at, h.started_at)
    FROM staff s
    JOIN presence_history h ON h.id = (SELECT id FROM presence_history l WHERE l.staff_id = s.id ORDER BY started_at DESC, id DESC LIMIT 1)
    WHERE h.state != 'offline'`);
  // The stretch running at `start` (the last one that began at or before it) and every one beginning before `end`.
  const between = db.prepare(`SELECT state, fromState, reason, "from", "to", setById, setByName FROM (
      SELECT state, from_state AS fromState, reason, started_at AS "from", set_by AS setById, set_by_name AS setByName,
        LEAD(started_at) OVER (ORDER BY started_at, id) AS "to"
      FROM presence_history
      WHERE staff_id = @staffId AND started_at >= COALESCE(
        (SELECT MAX(started_at) FROM presence_history WHERE staff_id = @staffId AND started_at <= @start), 0)
    ) WHERE "from" < @end AND ("to" IS NULL OR "to" > @start) ORDER BY "from"`);
  return {
    insertMany: (changes) => void (changes.length && insertMany(changes)),
    closeOpen: (at) => closeOpen.run({ at }).changes,
    between: (staffId, start, end) =>
      (between.all({ staffId, start, end }) as Row[]).map(({ setById, setByName, ...rest }) => ({
        ...rest,
        setBy: setById && setByName ? { id: setById, name: setByName } : null,
      })),
  };
}
