/** Voicemail tables: messages (one file each), greetings (one file each) and the main number's hashed PIN. */
export const voicemailMigrations: { id: number; name: string; sql: string }[] = [
  {
    id: 3001,
    name: 'voicemail messages, greetings, PINs',
    sql: `
      CREATE TABLE voicemail_messages (
        id TEXT PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES organisations(id),
        box_id TEXT NOT NULL,
        call_id TEXT NOT NULL UNIQUE,
        number TEXT NOT NULL,
        caller TEXT NOT NULL,
        caller_name TEXT,
        contact_id TEXT,
        started_at INTEGER NOT NULL,
        duration_ms INTEGER NOT NULL,
        file TEXT NOT NULL,
        heard_at INTEGER,
        delete_after INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX voicemail_box_started ON voicemail_messages(org_id, box_id, started_at DESC);
      CREATE INDEX voicemail_delete_after ON voicemail_messages(delete_after);
      CREATE TABLE voicemail_greetings (
        id TEXT PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES organisations(id),
        name TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('upload', 'text')),
        text TEXT,
        file TEXT NOT NULL,
        duration_ms INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        UNIQUE (org_id, name)
      );
      CREATE TABLE voicemail_pins (
        box_id TEXT PRIMARY KEY,
        pin_hash TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );
    `,
  },
];
