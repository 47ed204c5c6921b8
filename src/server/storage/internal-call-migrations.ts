/** Calls between extensions of one organisation, as Kamailio reported them when they were over. */
export const internalCallMigrations: { id: number; name: string; sql: string }[] = [
  {
    id: 2101,
    name: 'internal calls',
    sql: `
      CREATE TABLE internal_calls (
        id TEXT PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES organisations(id),
        caller_id TEXT NOT NULL REFERENCES staff(id),
        callee_id TEXT REFERENCES staff(id),
        callee_ext TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('ended', 'missed', 'refused')),
        outcome_reason TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        answered_at INTEGER,
        ended_at INTEGER NOT NULL
      );
      CREATE INDEX internal_calls_org ON internal_calls(org_id, started_at DESC);
      CREATE INDEX internal_calls_caller ON internal_calls(caller_id, started_at DESC);
      CREATE INDEX internal_calls_callee ON internal_calls(callee_id, started_at DESC);
    `,
  },
];
