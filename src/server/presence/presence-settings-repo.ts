import { MAX_AWAY_REASONS } from '../../common/api/presence-settings';
import type { AwayReason } from '../../common/presence';
import type { Db } from '../storage/database';
import type { Stamp } from '../storage/number-repo';

export type StoredPresenceSettings = { wrapUpSeconds: number; updatedAt: number | null; updatedBy: string | null };

/** Writes that a concurrent writer or the organisation's limits may refuse: the database decides. */
export type ReasonWrite = 'done' | 'duplicate' | 'full' | 'missing';

/** An organisation's wrap-up seconds and away reasons; every lookup is scoped by the organisation. */
export interface PresenceSettingsRepo {
  settings(orgId: string): StoredPresenceSettings;
  wrapUpSeconds(orgId: string): number;
  setWrapUp(orgId: string, seconds: number, stamp: Stamp): void;
  /** Records who changed the reasons, and when (the wrap-up seconds stay). */
  touch(orgId: string, stamp: Stamp): void;
  reasons(orgId: string): AwayReason[];
  findReason(orgId: string, id: string): AwayReason | undefined;
  /** 'full' when the organisation already has MAX_AWAY_REASONS, 'duplicate' when the name is taken (any case). */
  addReason(orgId: string, reason: AwayReason, at: number): ReasonWrite;
  renameReason(orgId: string, id: string, name: string): ReasonWrite;
  removeReason(orgId: string, id: string): ReasonWrite;
}

const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';

export function createPresenceSettingsRepo(db: Db): PresenceSettingsRepo {
  const get = db.prepare(`SELECT p.wrap_up_seconds AS wrapUpSeconds, p.updated_at AS updatedAt, s.name AS updatedBy
    FROM presence_settings p LEFT JOIN staff s ON s.id = p.updated_by WHERE p.org_id = ?`);
  const setWrapUp =
    db.prepare(`INSERT INTO presence_settings (org_id, wrap_up_seconds, updated_at, updated_by) VALUES (?, ?, ?, ?)
    ON CONFLICT (org_id) DO UPDATE SET wrap_up_seconds = excluded.wrap_up_seconds, updated_at = excluded.updated_at, updated_by = excluded.updated_by`);
  const touch =
    db.prepare(`INSERT INTO presence_settings (org_id, wrap_up_seconds, updated_at, updated_by) VALUES (?, 0, ?, ?)
    ON CONFLICT (org_id) DO UPDATE SET updated_at = excluded.updated_at, updated_by = excluded.updated_by`);
  const list = db.prepare('SELECT id, name FROM away_reasons WHERE org_id = ? ORDER BY name COLLATE NOCASE, id');
  const find = db.prepare('SELECT id, name FROM away_reasons WHERE org_id = ? AND id = ?');
  // The count and the insert are one statement: two admins adding the 20th reason at once cannot make 21.
  const add = db.prepare(`INSERT INTO away_reasons (id, org_id, name, created_at)
    SELECT @id, @orgId, @name, @at WHERE (SELECT COUNT(*) FROM away_reasons WHERE org_id = @orgId) < ${MAX_AWAY_REASONS}`);
  const rename = db.prepare('UPDATE away_reasons SET name = ? WHERE org_id = ? AND id = ?');
  const remove = db.prepare('DELETE FROM away_reasons WHERE org_id = ? AND id = ?');
  const unique = (write: () => boolean): ReasonWrite => {
    try {
      return write() ? 'done' : 'missing';
    } catch (e) {
      if (isUniqueViolation(e)) return 'duplicate';
      throw e;
    }
  };
  const settings = (orgId: string): StoredPresenceSettings =>
    (get.get(orgId) as StoredPresenceSettings | undefined) ?? { wrapUpSeconds: 0, updatedAt: null, updatedBy: null };
  return {
    settings,
    wrapUpSeconds: (orgId) => settings(orgId).wrapUpSeconds,
    setWrapUp: (orgId, seconds, stamp) => void setWrapUp.run(orgId, seconds, stamp.at, stamp.by),
    touch: (orgId, stamp) => void touch.run(orgId, stamp.at, stamp.by),
    reasons: (orgId) => list.all(orgId) as AwayReason[],
    findReason: (orgId, id) => find.get(orgId, id) as AwayReason | undefined,
    addReason(orgId, reason, at) {
      const written = unique(() => add.run({ ...reason, orgId, at }).changes === 1);
      return written === 'missing' ? 'full' : written;
    },
    renameReason: (orgId, id, name) => unique(() => rename.run(name, orgId, id).changes === 1),
    removeReason: (orgId, id) => (remove.run(orgId, id).changes === 1 ? 'done' : 'missing'),
  };
}
