import type { Db } from '../database';

/**
 * SQLite's plan for a statement, one line per step ("SEARCH calls USING INDEX …", "SCAN calls"). Parameters are
 * planned as constants: the planner chooses indexes the same way for either.
 */
export function queryPlan(db: Db, sql: string): string[] {
  const constants = sql.replace(/\?|@\w+/g, "'x'");
  return (db.prepare(`EXPLAIN QUERY PLAN ${constants}`).all() as { detail: string }[]).map((r) => r.detail);
}

/** Every SQL text `build` prepares on `db`, in order (to plan what a repository runs). */
export function preparedBy(db: Db, build: (db: Db) => unknown): string[] {
  const seen: string[] = [];
  const spy = new Proxy(db, {
    get(target, key) {
      if (key === 'prepare') return (sql: string) => (seen.push(sql), target.prepare(sql));
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  build(spy);
  return seen;
}
