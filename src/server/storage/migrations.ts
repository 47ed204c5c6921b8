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
    name: 'numbers, contacts, bindings, rotation, change log',
    sql: `
      -- Basic info in columns; the kind's settings (routing, company or main) as one JSON document that the
      -- shared zod schemas validate on every write and read. One row per number, owned by one organisation.
      CREATE TABLE virtual_numbers (
        id TEXT PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES organisations(id),
        number TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL DEFAULT '',
        type TEXT NOT NULL CHECK (type IN ('local', 'toll-free')),
        kind TEXT NOT NULL CHECK (kind IN ('standard', 'company', 'main')),
        country TEXT NOT NULL,
        city TEXT NOT NULL DEFAULT '',
        time_zone TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        settings TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        updated_by TEXT NOT NULL REFERENCES staff(id)
      );
      CREATE INDEX virtual_numbers_org ON virtual_numbers(org_id);
      -- At most one main number per organisation.
      CREATE UNIQUE INDEX virtual_numbers_one_main ON virtual_numbers(org_id) WHERE kind = 'main';

      CREATE TABLE org_settings (
        org_id TEXT PRIMARY KEY REFERENCES organisations(id),
        business_hours TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        updated_by TEXT REFERENCES staff(id)
      );

      CREATE TABLE contact_item_types (
        id TEXT PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES organisations(id),
        name TEXT NOT NULL,
        order_by INTEGER NOT NULL,
        UNIQUE (org_id, name COLLATE NOCASE)
      );

      CREATE TABLE contacts (
        id TEXT PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES organisations(id),
        name TEXT NOT NULL,
        primary_phone TEXT NOT NULL,
        primary_agent_id TEXT REFERENCES staff(id) ON DELETE SET NULL,
        source TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX contacts_org_phone ON contacts(org_id, primary_phone);
      CREATE TABLE contact_phones (
        contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        number TEXT NOT NULL,
        item_type_id TEXT REFERENCES contact_item_types(id) ON DELETE SET NULL,
        description TEXT,
        PRIMARY KEY (contact_id, position)
      );
      CREATE INDEX contact_phones_number ON contact_phones(number);
      CREATE TABLE contact_tags (
        contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (contact_id, tag)
      );

      -- Sticky and engagement bindings: one per (kind, number, caller); each interaction slides expires_at.
      CREATE TABLE bindings (
        org_id TEXT NOT NULL REFERENCES organisations(id),
        kind TEXT NOT NULL CHECK (kind IN ('sticky', 'engagement')),
        number_id TEXT NOT NULL REFERENCES virtual_numbers(id) ON DELETE CASCADE,
        caller TEXT NOT NULL,
        staff_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
        last_interaction_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (kind, number_id, caller)
      );
      CREATE INDEX bindings_org_expiry ON bindings(org_id, expires_at);

      -- Where round robin and percentage routing resume for each number (the engine's nextRotation).
      CREATE TABLE routing_rotation (
        number_id TEXT PRIMARY KEY REFERENCES virtual_numbers(id) ON DELETE CASCADE,
        state TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );

      -- Who changed what and when: every settings change of numbers, staff, item types and the organisation.
      CREATE TABLE change_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        org_id TEXT NOT NULL REFERENCES organisations(id),
        entity TEXT NOT NULL CHECK (entity IN ('number', 'staff', 'contact-item-type', 'organisation')),
        entity_id TEXT NOT NULL,
        section TEXT NOT NULL,
        summary TEXT NOT NULL,
        before TEXT,
        after TEXT,
        changed_by TEXT NOT NULL REFERENCES staff(id),
        changed_by_name TEXT NOT NULL,
        changed_at INTEGER NOT NULL
      );
      CREATE INDEX change_log_entity ON change_log(org_id, entity, entity_id, changed_at DESC);
    `,
  },
  {
    // Contacts join the change log (SQLite cannot widen a CHECK in place: the table is rebuilt).
    id: 12,
    name: 'contact changes in the change log',
    sql: `
      CREATE TABLE change_log_next (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        org_id TEXT NOT NULL REFERENCES organisations(id),
        entity TEXT NOT NULL CHECK (entity IN ('number', 'staff', 'contact-item-type', 'organisation', 'contact')),
        entity_id TEXT NOT NULL,
        section TEXT NOT NULL,
        summary TEXT NOT NULL,
        before TEXT,
        after TEXT,
        changed_by TEXT NOT NULL REFERENCES staff(id),
        changed_by_name TEXT NOT NULL,
        changed_at INTEGER NOT NULL
      );
      INSERT INTO change_log_next SELECT * FROM change_log;
      DROP TABLE change_log;
      ALTER TABLE change_log_next RENAME TO change_log;
      CREATE INDEX change_log_entity ON change_log(org_id, entity, entity_id, changed_at DESC);
    `,
  },
];
