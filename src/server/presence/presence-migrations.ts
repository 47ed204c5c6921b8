/** Wrap-up settings, away reasons and the history of states (ids 5501+: their own range). */
export const presenceMigrations: { id: number; name: string; sql: string }[] = [
  {
    id: 5501,
    name: 'wrap-up seconds, away reasons, the reason an agent is away for',
    sql: `
      -- One row per organisation that changed its presence settings; none: wrap-up off.
      CREATE TABLE presence_settings (
        org_id TEXT PRIMARY KEY REFERENCES organisations(id),
        wrap_up_seconds INTEGER NOT NULL CHECK (wrap_up_seconds BETWEEN 0 AND 600),
        updated_at INTEGER NOT NULL,
        updated_by TEXT REFERENCES staff(id)
      );
      CREATE TABLE away_reasons (
        id TEXT PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES organisations(id),
        name TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE UNIQUE INDEX away_reasons_name ON away_reasons(org_id, name COLLATE NOCASE);
      -- Removing a reason leaves its agents away without one.
      ALTER TABLE staff ADD COLUMN away_reason_id TEXT REFERENCES away_reasons(id) ON DELETE SET NULL;
    `,
  },
  {
    id: 5502,
    name: 'history of presence states',
    sql: `
      -- One row per change of an agent's state (or away reason), written by the presence service's recompute.
      -- A stretch ends where the agent's next row starts; the newest row is the state they are in.
      CREATE TABLE presence_history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        org_id TEXT NOT NULL REFERENCES organisations(id),
        staff_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
        state TEXT NOT NULL,
        from_state TEXT NOT NULL,
        reason TEXT,
        started_at INTEGER NOT NULL,
        -- Who made the change when it was not the agent or their phone (a supervisor's Away or sign-out).
        set_by TEXT REFERENCES staff(id) ON DELETE SET NULL,
        set_by_name TEXT
      );
      CREATE INDEX presence_history_staff ON presence_history(staff_id, started_at);
    `,
  },
];
