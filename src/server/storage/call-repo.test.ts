import { createCallRepo } from './call-repo';
import { openDatabase } from './database';
import { preparedBy, queryPlan } from './test-support/query-plan';

test('no statement of the call records walks a whole table: each goes by key or by an index', () => {
  const db = openDatabase(':memory:');
  try {
    const statements = preparedBy(db, createCallRepo);
    expect(statements.some((sql) => sql.includes("state IN ('ringing', 'answered') AND started_at"))).toBe(true);
    for (const sql of statements)
      expect(
        queryPlan(db, sql).filter((step) => step.startsWith('SCAN')),
        sql,
      ).toEqual([]);
  } finally {
    db.close();
  }
});
