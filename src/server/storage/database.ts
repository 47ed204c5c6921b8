import Database from 'better-sqlite3';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { callMigrations } from './call-migrations';
import { voicemailMigrations } from '../voicemail/voicemail-migrations';
import { notificationMigrations } from '../notifications/notification-migrations';
import { migrations } from './migrations';
import { internalCallMigrations } from './internal-call-migrations';
import { outboundMigrations } from './outbound-migrations';
import { presenceMigrations } from '../presence/presence-migrations';
import { routingVersionMigrations } from './routing-version-migrations';

/**
 * Every migration in id order: the core list plus the call, outbound-call, internal-call, voicemail, notification and
 * presence tables and the routing data's versions (kept beside their code).
 */
const allMigrations = [
  ...migrations,
  ...callMigrations,
  ...outboundMigrations,
  ...internalCallMigrations,
  ...voicemailMigrations,
  ...notificationMigrations,
  ...presenceMigrations,
  ...routingVersionMigrations,
].sort((a, b) => a.id - b.id);

export type Db = Database.Database;

/** Opens (creating if needed) the SQLite file and brings its schema up to date. */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // The database, its WAL and shared-memory file hold password hashes and call records: owner only.
  if (path !== ':memory:')
    for (const file of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(file)) chmodSync(file, 0o600);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Up to 64 MB of pages kept (SQLite's default is 2 MB): with hundreds of thousands of calls, each call's index
  // reads and writes otherwise go back to the file.
  db.pragma('cache_size = -65536');
  migrate(db);
  return db;
}

export function migrate(db: Db, list = allMigrations): number[] {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
  );
  const done = new Set(db.prepare('SELECT id FROM schema_migrations').pluck().all() as number[]);
  const applied: number[] = [];
  for (const m of list) {
    if (done.has(m.id)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)').run(m.id, m.name, Date.now());
    })();
    applied.push(m.id);
  }
  return applied;
}
