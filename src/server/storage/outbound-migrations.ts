/** Tables of calls to the phone network and each agent's caller-ID choice (ids 2001+: their own range). */
export const outboundMigrations: { id: number; name: string; sql: string }[] = [
  {
    id: 2001,
    name: 'outbound calls, caller-ID choices, contact name index',
    sql: `
      -- One row per outbound INVITE the companion judged (the SIP Call-ID), refused ones included.
      CREATE TABLE outbound_calls (
        id TEXT PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES organisations(id),
        staff_id TEXT NOT NULL REFERENCES staff(id),
        callee TEXT NOT NULL,
        contact_id TEXT,
        contact_name TEXT,
        number_id TEXT REFERENCES virtual_numbers(id) ON DELETE SET NULL,
        caller_id TEXT NOT NULL,
        engagement INTEGER NOT NULL CHECK (engagement IN (0, 1)),
        state TEXT NOT NULL CHECK (state IN ('ringing', 'answered', 'ended', 'missed', 'refused')),
        outcome_reason TEXT,
        started_at INTEGER NOT NULL,
        answered_at INTEGER,
        ended_at INTEGER
      );
      CREATE INDEX outbound_calls_org ON outbound_calls(org_id, started_at DESC);
      CREATE INDEX outbound_calls_staff ON outbound_calls(staff_id, started_at DESC);
      -- The caller ID each agent last used (the picker's default, on any browser).
      CREATE TABLE caller_id_choices (
        staff_id TEXT PRIMARY KEY REFERENCES staff(id) ON DELETE CASCADE,
        number_id TEXT NOT NULL REFERENCES virtual_numbers(id) ON DELETE CASCADE,
        updated_at INTEGER NOT NULL
      );
      -- Contact search by name stays an index range scan with 10,000+ contacts.
      CREATE INDEX contacts_org_name ON contacts(org_id, name COLLATE NOCASE);
    `,
  },
  {
    id: 2002,
    name: 'outbound calls under way by organisation, ended by agent and time (the board)',
    sql: `
      CREATE INDEX outbound_calls_org_state ON outbound_calls(org_id, state);
      CREATE INDEX outbound_calls_staff_ended ON outbound_calls(staff_id, ended_at);
    `,
  },
];
