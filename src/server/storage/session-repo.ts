import type { Db } from './database';

export interface SessionRepo {
  insert(tokenHash: string, staffId: string, createdAt: number, expiresAt: number): void;
  /** The staff id of an unexpired session. */
  findStaffId(tokenHash: string, now: number): string | undefined;
  delete(tokenHash: string): void;
  deleteExpired(now: number): number;
}

export function createSessionRepo(db: Db): SessionRepo {
  const insert = db.prepare('INSERT INTO sessions (token_hash, staff_id, created_at, expires_at) VALUES (?, ?, ?, ?)');
  const find = db.prepare('SELECT staff_id FROM sessions WHERE token_hash = ? AND expires_at > ?').pluck();
  const del = db.prepare('DELETE FROM sessions WHERE token_hash = ?');
  const delExpired = db.prepare('DELETE FROM sessions WHERE expires_at <= ?');
  return {
    insert: (h, s, c, e) => void insert.run(h, s, c, e),
    findStaffId: (h, now) => find.get(h, now) as string | undefined,
    delete: (h) => void del.run(h),
    deleteExpired: (now) => delExpired.run(now).changes,
  };
}
