import type { Greeting } from '../../common/api/voicemail';
import type { Db } from '../storage/database';

export type GreetingRecord = Greeting & { orgId: string; file: string };

export interface GreetingRepo {
  insert(g: GreetingRecord): void;
  list(orgId: string): GreetingRecord[];
  find(orgId: string, id: string): GreetingRecord | undefined;
  remove(orgId: string, id: string): boolean;
}

const columns = 'id, org_id AS orgId, name, source, text, file, duration_ms AS durationMs, created_at AS createdAt';

export function createGreetingRepo(db: Db): GreetingRepo {
  const insert =
    db.prepare(`INSERT INTO voicemail_greetings (id, org_id, name, source, text, file, duration_ms, created_at)
    VALUES (@id, @orgId, @name, @source, @text, @file, @durationMs, @createdAt)`);
  const list = db.prepare(`SELECT ${columns} FROM voicemail_greetings WHERE org_id = ? ORDER BY name`);
  const find = db.prepare(`SELECT ${columns} FROM voicemail_greetings WHERE org_id = ? AND id = ?`);
  const remove = db.prepare('DELETE FROM voicemail_greetings WHERE org_id = ? AND id = ?');
  return {
    insert: (g) => void insert.run(g),
    list: (orgId) => list.all(orgId) as GreetingRecord[],
    find: (orgId, id) => find.get(orgId, id) as GreetingRecord | undefined,
    remove: (orgId, id) => remove.run(orgId, id).changes === 1,
  };
}
