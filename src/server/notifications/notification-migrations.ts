/**
 * Tables of unknown-caller notifications (missed and answered calls, text conversations), their texts,
 * who has read them, and every contact's timeline.
 */
export const notificationMigrations: { id: number; name: string; sql: string }[] = [
  {
    id: 4001,
    name: 'notifications, texts, contact timeline',
    sql: `
      CREATE TABLE notifications (
        id TEXT PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES organisations(id),
        kind TEXT NOT NULL CHECK (kind IN ('missed-call', 'answered-call', 'text')),
        -- One notification per call: a retried hook can never create a second.
        call_id TEXT UNIQUE,
        number_id TEXT NOT NULL,
        number TEXT NOT NULL,
        caller TEXT NOT NULL,
        source TEXT NOT NULL,
        tag TEXT NOT NULL,
        ring_attempts INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL CHECK (state IN ('unclaimed', 'claimed', 'done')),
        claimed_by TEXT REFERENCES staff(id),
        claimed_at INTEGER,
        claim_action TEXT,
        done_at INTEGER,
        contact_id TEXT REFERENCES contacts(id) ON DELETE SET NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        CHECK ((state = 'unclaimed') = (claimed_by IS NULL))
      );
      CREATE INDEX notifications_org_created ON notifications(org_id, created_at DESC);
      CREATE INDEX notifications_claimed_by ON notifications(claimed_by, state);
      CREATE INDEX notifications_conversation ON notifications(org_id, caller, number_id, kind, state);
      CREATE TABLE notification_audience (
        notification_id TEXT NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
        staff_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
        PRIMARY KEY (notification_id, staff_id)
      );
      CREATE INDEX notification_audience_staff ON notification_audience(staff_id);
      CREATE TABLE notification_reads (
        notification_id TEXT NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
        staff_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
        read_at INTEGER NOT NULL,
        PRIMARY KEY (notification_id, staff_id)
      );
      CREATE TABLE texts (
        id TEXT PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES organisations(id),
        notification_id TEXT REFERENCES notifications(id) ON DELETE SET NULL,
        direction TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
        company_number TEXT NOT NULL,
        remote TEXT NOT NULL,
        staff_id TEXT REFERENCES staff(id),
        body TEXT NOT NULL,
        sip_call_id TEXT,
        at INTEGER NOT NULL,
        UNIQUE (direction, sip_call_id)
      );
      CREATE INDEX texts_notification ON texts(notification_id, at);
      CREATE TABLE contact_timeline (
        id TEXT PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES organisations(id),
        contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('call', 'text', 'claim', 'note')),
        at INTEGER NOT NULL,
        staff_id TEXT REFERENCES staff(id) ON DELETE SET NULL,
        summary TEXT NOT NULL,
        body TEXT,
        direction TEXT,
        ref_id TEXT,
        UNIQUE (contact_id, kind, ref_id)
      );
      CREATE INDEX contact_timeline_contact ON contact_timeline(contact_id, at DESC);
    `,
  },
];
