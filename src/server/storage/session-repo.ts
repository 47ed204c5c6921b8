import type { Db } from './database';

export interface SessionRepo {
  insert(tokenHash: string, staffId: string, createdAt: number, expiresAt: number): void;
  /** The staff id of an unexpired session. */
  findStaffId(tokenHash: string, now: number): string | undefined;
  /** An unexpired session: whose, and until when. */
  findLive(tokenHash: string, now: number): { staffId: string; expiresAt: number } | undefined;
  delete(tokenHash: string): void;
  /** Deletes every session of a staff member except `keepHash`; answers the deleted hashes. */
  deleteForStaff(staffId: string, keepHash?: string): string[];
  countForStaff(staffId: string, now: number): number;
  deleteExpired(now: number): number;
}

export function createSessionRepo(db: Db): SessionRepo {
  const insert = db.prepare('INSERT INTO sessions (token_hash, staff_id, created_at, expires_at) VALUES (?, ?, ?, ?)');
  const find = db.prepare('SELECT staff_id FROM sessions WHERE token_hash = ? AND expires_at > ?').pluck();
  const live = db.prepare(
    'SELECT staff_id AS staffId, expires_at AS expiresAt FROM sessions WHERE token_hash = ? AND expires_at > ?',
  );
  const del = db.prepare('DELETE FROM sessions WHERE token_hash = ?');
  const ofStaff = db.prepare('SELECT token_hash FROM sessions WHERE staff_id = ? AND token_hash != ?').pluck();
  const delOfStaff = db.prepare('DELETE FROM sessions WHERE staff_id = ? AND token_hash != ?');
  const count = db.prepare('SELECT COUNT(*) FROM sessions WHERE staff_id = ? AND expires_at > ?').pluck();
  const delExpired = db.prepare('DELETE FROM sessions WHERE expires_at <= ?');
  return {
    insert: (h, s, c, e) => void insert.run(h, s, c, e),
    findStaffId: (h, now) => find.get(h, now) as string | undefined,
    findLive: (h, now) => live.get(h, now) as { staffId: string; expiresAt: number } | undefined,
    delete: (h) => void del.run(h),
    deleteForStaff: db.transaction((staffId: string, keepHash?: string) => {
      const hashes = ofStaff.all(staffId, keepHash ?? '') as string[];
      delOfStaff.run(staffId, keepHash ?? '');
      return hashes;
    }),
    countForStaff: (staffId, now) => count.get(staffId, now) as number,
    deleteExpired: (now) => delExpired.run(now).changes,
  };
}
