import type { Db } from './database';

export interface OrgRepo {
  insert(org: { id: string; name: string }): void;
  count(): number;
  find(id: string): { id: string; name: string } | undefined;
}

export function createOrgRepo(db: Db): OrgRepo {
  const insert = db.prepare('INSERT INTO organisations (id, name, created_at) VALUES (?, ?, ?)');
  const count = db.prepare('SELECT COUNT(*) FROM organisations').pluck();
  const find = db.prepare('SELECT id, name FROM organisations WHERE id = ?');
  return {
    insert: (o) => void insert.run(o.id, o.name, Date.now()),
    count: () => count.get() as number,
    find: (id) => find.get(id) as { id: string; name: string } | undefined,
  };
}
