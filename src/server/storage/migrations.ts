/**
 * Schema migrations, applied in order at start-up. Never edit a shipped migration: append a new one.
 */
export const migrations: { id: number; name: string; sql: string }[] = [
  {
    id: 1,
    name: 'organisations, staff, sessions',
    sql: `
      CREATE TABLE organisations (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE staff (
        id TEXT PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES organisations(id),
        name TEXT NOT NULL,
        email TEXT NOT NULL UNIQUE,
        password_hash TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('agent', 'supervisor', 'admin')),
        extension TEXT,
        manual_presence TEXT NOT NULL DEFAULT 'available' CHECK (manual_presence IN ('available', 'away', 'dnd')),
        created_at INTEGER NOT NULL,
        UNIQUE (org_id, extension)
      );
      CREATE UNIQUE INDEX staff_extension ON staff(extension) WHERE extension IS NOT NULL;
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        staff_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX sessions_staff ON sessions(staff_id);
    `,
  },
  {
    id: 2,
    name: 'virtual numbers',
    sql: `
      CREATE TABLE virtual_numbers (
        id TEXT PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES organisations(id),
        number TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('local', 'toll-free')),
        kind TEXT NOT NULL DEFAULT 'standard' CHECK (kind IN ('standard', 'company', 'main')),
        country TEXT NOT NULL,
        city TEXT,
        time_zone TEXT NOT NULL,
        expires_at INTEGER,
        settings TEXT NOT NULL DEFAULT '{}',
        updated_at INTEGER NOT NULL,
        updated_by TEXT REFERENCES staff(id)
      );
      CREATE INDEX virtual_numbers_org ON virtual_numbers(org_id);
    `,
  },
];
