import type { Binding } from '../../common/domain/binding';
import { phoneKey } from '../../common/domain/phone-number';
import type { Db } from './database';

/** Sticky and engagement bindings of callers to agents, one per (kind, number, caller). */
export interface BindingRepo {
  /** The organisation's bindings still live at `now`. */
  listActive(orgId: string, now: number): Binding[];
  /** The caller's bindings on this number still live at `now`, most recent interaction first (by key). */
  liveFor(orgId: string, numberId: string, caller: string, now: number): Binding[];
  /** Creates the binding (the caller stored by its phone key) or moves and slides it (same kind, number and caller) to this agent and expiry. */
  save(orgId: string, binding: Binding): void;
  deleteExpired(now: number): number;
  /** One agent's live bindings, each with its id (for releasing it). */
  listForStaff(orgId: string, staffId: string, now: number): Array<Binding & { id: string }>;
  /** Releases the agent's own binding; false when it is not theirs (or gone). */
  deleteForStaff(orgId: string, staffId: string, id: string): boolean;
}

export function createBindingRepo(db: Db): BindingRepo {
  const list = db.prepare(`SELECT kind, caller, number_id AS numberId, staff_id AS staffId, expires_at AS expiresAt,
    last_interaction_at AS lastInteractionAt FROM bindings WHERE org_id = ? AND expires_at > ? ORDER BY last_interaction_at DESC`);
  const save =
    db.prepare(`INSERT INTO bindings (org_id, kind, number_id, caller, staff_id, last_interaction_at, expires_at)
    SELECT @orgId, @kind, @numberId, @caller, @staffId, @lastInteractionAt, @expiresAt
    WHERE EXISTS (SELECT 1 FROM virtual_numbers WHERE id = @numberId AND org_id = @orgId)
      AND EXISTS (SELECT 1 FROM staff WHERE id = @staffId AND org_id = @orgId)
    ON CONFLICT (kind, number_id, caller) DO UPDATE SET staff_id = excluded.staff_id,
      last_interaction_at = excluded.last_interaction_at, expires_at = excluded.expires_at`);
  // By the (kind, number_id, caller) primary key, both kinds named; `+` keeps the planner off the org's expiry index.
  const live = db.prepare(`SELECT kind, caller, number_id AS numberId, staff_id AS staffId, expires_at AS expiresAt,
    last_interaction_at AS lastInteractionAt FROM bindings WHERE kind IN ('sticky', 'engagement') AND number_id = ?
    AND caller = ? AND +org_id = ? AND +expires_at > ? ORDER BY last_interaction_at DESC`);
  const deleteExpired = db.prepare('DELETE FROM bindings WHERE expires_at <= ?');
  const forStaff =
    db.prepare(`SELECT CAST(rowid AS TEXT) AS id, kind, caller, number_id AS numberId, staff_id AS staffId,
    expires_at AS expiresAt, last_interaction_at AS lastInteractionAt FROM bindings
    WHERE org_id = ? AND staff_id = ? AND expires_at > ? ORDER BY expires_at`);
  const release = db.prepare('DELETE FROM bindings WHERE org_id = ? AND staff_id = ? AND rowid = ?');
  return {
    listForStaff: (orgId, staffId, now) => forStaff.all(orgId, staffId, now) as Array<Binding & { id: string }>,
    deleteForStaff: (orgId, staffId, id) =>
      /^[0-9]+$/.test(id) && release.run(orgId, staffId, Number(id)).changes === 1,
    listActive: (orgId, now) => list.all(orgId, now) as Binding[],
    liveFor(orgId, numberId, caller, now) {
      const key = phoneKey(caller);
      return key === null ? [] : (live.all(numberId, key, orgId, now) as Binding[]);
    },
    save: (orgId, b) => void save.run({ orgId, ...b, caller: phoneKey(b.caller) ?? b.caller }),
    deleteExpired: (now) => deleteExpired.run(now).changes,
  };
}
