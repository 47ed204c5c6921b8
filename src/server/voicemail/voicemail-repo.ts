import type { Db } from '../storage/database';

export type MessageRecord = {
  id: string;
  orgId: string;
  boxId: string;
  callId: string;
  number: string;
  caller: string;
  callerName: string | null;
  contactId: string | null;
  startedAt: number;
  durationMs: number;
  file: string;
  heardAt: number | null;
  deleteAfter: number;
  createdAt: number;
};

export interface VoicemailRepo {
  insert(m: MessageRecord): void;
  find(orgId: string, id: string): MessageRecord | undefined;
  listBoxes(orgId: string, boxIds: string[]): MessageRecord[];
  /** Unheard first-in-first-out, for the voice portal. */
  unheard(orgId: string, boxId: string): MessageRecord[];
  markHeard(orgId: string, id: string, at: number): boolean;
  /** Deletes the row; false when another request already did (the database settles it). */
  remove(orgId: string, id: string): boolean;
  /** Messages whose time is up at `now`, oldest first. */
  due(now: number, limit: number): MessageRecord[];
  /** When the next message falls due (epoch ms), or undefined with none left. */
  nextDue(): number | undefined;
  /** Every stored file name (for the start-up sweep of files without a row). */
  files(): Set<string>;
  /** Re-reads the deadline of a box's messages after its auto-deletion period changed. */
  setDeleteAfterForBox(orgId: string, boxId: string, periodMs: number): void;
}

const columns = `id, org_id AS orgId, box_id AS boxId, call_id AS callId, number, caller, caller_name AS callerName, contact_id AS contactId,
  started_at AS startedAt, duration_ms AS durationMs, file, heard_at AS heardAt, delete_after AS deleteAfter, created_at AS createdAt`;

export function createVoicemailRepo(db: Db): VoicemailRepo {
  const insert =
    db.prepare(`INSERT INTO voicemail_messages (id, org_id, box_id, call_id, number, caller, caller_name, contact_id, started_at, duration_ms, file, heard_at, delete_after, created_at)
    VALUES (@id, @orgId, @boxId, @callId, @number, @caller, @callerName, @contactId, @startedAt, @durationMs, @file, @heardAt, @deleteAfter, @createdAt)`);
  const find = db.prepare(`SELECT ${columns} FROM voicemail_messages WHERE org_id = ? AND id = ?`);
  const unheard = db.prepare(
    `SELECT ${columns} FROM voicemail_messages WHERE org_id = ? AND box_id = ? AND heard_at IS NULL ORDER BY started_at ASC`,
  );
  const heard = db.prepare(
    'UPDATE voicemail_messages SET heard_at = COALESCE(heard_at, ?) WHERE org_id = ? AND id = ?',
  );
  const remove = db.prepare('DELETE FROM voicemail_messages WHERE org_id = ? AND id = ?');
  const due = db.prepare(
    `SELECT ${columns} FROM voicemail_messages WHERE delete_after <= ? ORDER BY delete_after LIMIT ?`,
  );
  const nextDue = db.prepare('SELECT MIN(delete_after) FROM voicemail_messages').pluck();
  const files = db.prepare('SELECT file FROM voicemail_messages').pluck();
  const reschedule = db.prepare(
    'UPDATE voicemail_messages SET delete_after = started_at + ? WHERE org_id = ? AND box_id = ?',
  );
  return {
    insert: (m) => void insert.run(m),
    find: (orgId, id) => find.get(orgId, id) as MessageRecord | undefined,
    listBoxes(orgId, boxIds) {
      if (boxIds.length === 0) return [];
      const marks = boxIds.map(() => '?').join(', ');
      return db
        .prepare(
          `SELECT ${columns} FROM voicemail_messages WHERE org_id = ? AND box_id IN (${marks}) ORDER BY started_at DESC`,
        )
        .all(orgId, ...boxIds) as MessageRecord[];
    },
    unheard: (orgId, boxId) => unheard.all(orgId, boxId) as MessageRecord[],
    markHeard: (orgId, id, at) => heard.run(at, orgId, id).changes === 1,
    remove: (orgId, id) => remove.run(orgId, id).changes === 1,
    due: (now, limit) => due.all(now, limit) as MessageRecord[],
    nextDue: () => (nextDue.get() as number | null) ?? undefined,
    files: () => new Set(files.all() as string[]),
    setDeleteAfterForBox: (orgId, boxId, periodMs) => void reschedule.run(periodMs, orgId, boxId),
  };
}
