import type { TimelineEntry } from '../../common/notifications';
import type { Db } from '../storage/database';

export type NewTimelineEntry = Omit<TimelineEntry, 'staff'> & {
  orgId: string;
  staffId: string | null;
  refId: string | null;
};

/** Every contact's timeline: calls, texts, claims and notes, newest first. */
export interface TimelineRepo {
  /** False when this (contact, kind, ref) is recorded already. */
  add(entry: NewTimelineEntry): boolean;
  list(orgId: string, contactId: string, limit: number): TimelineEntry[];
}

export function createTimelineRepo(db: Db): TimelineRepo {
  const add =
    db.prepare(`INSERT OR IGNORE INTO contact_timeline (id, org_id, contact_id, kind, at, staff_id, summary, body, direction, ref_id)
    VALUES (@id, @orgId, @contactId, @kind, @at, @staffId, @summary, @body, @direction, @refId)`);
  const list =
    db.prepare(`SELECT t.id, t.contact_id AS contactId, t.kind, t.at, t.staff_id AS staffId, s.name AS staffName, t.summary, t.body, t.direction
    FROM contact_timeline t LEFT JOIN staff s ON s.id = t.staff_id WHERE t.org_id = ? AND t.contact_id = ? ORDER BY t.at DESC, t.rowid DESC LIMIT ?`);
  return {
    add: (e) => add.run(e).changes === 1,
    list: (orgId, contactId, limit) =>
      (
        list.all(orgId, contactId, limit) as (Omit<TimelineEntry, 'staff'> & {
          staffId: string | null;
          staffName: string | null;
        })[]
      ).map(({ staffId, staffName, ...rest }) => ({
        ...rest,
        staff: staffId ? { id: staffId, name: staffName ?? '' } : null,
      })),
  };
}
