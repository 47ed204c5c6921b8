/** Tables of inbound calls: one row per call, one per agent offered it (who rang, in which step, how it ended). */
export const callMigrations: { id: number; name: string; sql: string }[] = [
  {
    id: 1001,
    name: 'inbound calls and offers',
    sql: `
      CREATE TABLE calls (
        id TEXT PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES organisations(id),
        number_id TEXT NOT NULL,
        number TEXT NOT NULL,
        caller TEXT NOT NULL,
        caller_name TEXT,
        state TEXT NOT NULL CHECK (state IN ('ringing', 'answered', 'ended', 'missed', 'refused')),
        plan TEXT NOT NULL,
        summary TEXT NOT NULL,
        step INTEGER NOT NULL DEFAULT 0,
        answered_by TEXT REFERENCES staff(id),
        outcome_reason TEXT,
        started_at INTEGER NOT NULL,
        answered_at INTEGER,
        ended_at INTEGER
      );
      CREATE INDEX calls_org_started ON calls(org_id, started_at DESC);
      CREATE INDEX calls_number_state ON calls(number_id, state);
      CREATE TABLE call_offers (
        call_id TEXT NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
        staff_id TEXT NOT NULL REFERENCES staff(id),
        step INTEGER NOT NULL,
        reason TEXT NOT NULL,
        offered_at INTEGER NOT NULL,
        PRIMARY KEY (call_id, staff_id, step)
      );
      CREATE INDEX call_offers_staff ON call_offers(staff_id, offered_at DESC);
    `,
  },
  {
    id: 1002,
    name: 'offers an agent declined',
    sql: `ALTER TABLE call_offers ADD COLUMN declined INTEGER NOT NULL DEFAULT 0;`,
  },
  {
    id: 1003,
    name: 'calls each agent answered, by agent and time',
    sql: `CREATE INDEX calls_answered_by ON calls(answered_by, answered_at) WHERE answered_by IS NOT NULL;`,
  },
  {
    id: 1004,
    name: 'calls under way by organisation, calls each agent ended by time (the board)',
    sql: `
      CREATE INDEX calls_org_state ON calls(org_id, state);
      CREATE INDEX calls_ended_by ON calls(answered_by, ended_at) WHERE answered_by IS NOT NULL;
    `,
  },
  {
    // The sweep against Kamailio's dialogs (every 30 s, on the event loop) reads the calls under way of every
    // organisation: by state, not by walking every call ever made.
    id: 1005,
    name: 'calls by state and start',
    sql: `CREATE INDEX calls_state_started ON calls(state, started_at);`,
  },
];
