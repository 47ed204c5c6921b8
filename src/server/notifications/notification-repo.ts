import type { ClaimAction } from '../../common/notifications';
import type { Db } from '../storage/database';

export type NotificationKind = 'missed-call' | 'answered-call' | 'text';
export type NotificationState = 'unclaimed' | 'claimed' | 'done';

export type NotificationRecord = {
  id: string;
  orgId: string;
  kind: NotificationKind;
  callId: string | null;
  numberId: string;
  number: string;
  caller: string;
  source: string;
  tag: string;
  ringAttempts: number;
  state: NotificationState;
  claimedBy: string | null;
  claimedAt: number | null;
  claimAction: ClaimAction | null;
  doneAt: number | null;
  contactId: string | null;
  createdAt: number;
  updatedAt: number;
  audienceIds: string[];
};

export type NewNotification = Omit<
  NotificationRecord,
  'state' | 'claimedBy' | 'claimedAt' | 'claimAction' | 'doneAt' | 'contactId' | 'updatedAt'
> & {
  /** Already claimed at creation (an answered call, a known contact's text). */
  claimedBy?: { staffId: string; action: ClaimAction };
};

export type TextRecord = {
  id: string;
  orgId: string;
  notificationId: string | null;
  direction: 'inbound' | 'outbound';
  companyNumber: string;
  remote: string;
  staffId: string | null;
  body: string;
  sipCallId: string | null;
  at: number;
};

export interface NotificationRepo {
  /** False when a notification for this call already exists (the call's outcome was reported twice). */
  insert(n: NewNotification): boolean;
  find(id: string): NotificationRecord | undefined;
  findByCall(callId: string): NotificationRecord | undefined;
  /** Unclaimed ones of rules the agent is on, and the ones they claimed (newest first). */
  listForAgent(orgId: string, staffId: string, limit: number): NotificationRecord[];
  listForOrg(orgId: string, limit: number): NotificationRecord[];
  /**
   * The claim: one conditional write. Exactly one caller of this for a notification gets true; it sets
   * the claimer only while nobody holds it and only for an agent of its audience.
   */
  claim(id: string, staffId: string, action: ClaimAction, at: number): boolean;
  markDone(id: string, staffId: string, at: number): boolean;
  linkContact(id: string, contactId: string, at: number): void;
  touch(id: string, at: number): void;
  markRead(id: string, staffId: string, at: number): void;
  readBy(staffId: string, ids: string[]): Set<string>;
  /** The open text conversation of this caller on this number, if any. */
  openConversation(orgId: string, numberId: string, caller: string): NotificationRecord | undefined;
  /** The agent's latest open notification with this caller (for the sender of a text back). */
  latestClaimedWith(orgId: string, staffId: string, caller: string): NotificationRecord | undefined;
  /** False when this SIP message was stored already (a retransmission). */
  insertText(t: TextRecord): boolean;
  texts(notificationIds: string[]): TextRecord[];
}

const cols = `n.id, n.org_id AS orgId, n.kind, n.call_id AS callId, n.number_id AS numberId, n.number, n.caller, n.source, n.tag,
  n.ring_attempts AS ringAttempts, n.state, n.claimed_by AS claimedBy, n.claimed_at AS claimedAt, n.claim_action AS claimAction,
  n.done_at AS doneAt, n.contact_id AS contactId, n.created_at AS createdAt, n.updated_at AS updatedAt`;

type Row = Omit<NotificationRecord, 'audienceIds'>;

export function createNotificationRepo(db: Db): NotificationRepo {
  const insert =
    db.prepare(`INSERT OR IGNORE INTO notifications (id, org_id, kind, call_id, number_id, number, caller, source, tag, ring_attempts,
      state, claimed_by, claimed_at, claim_action, created_at, updated_at)
    VALUES (@id, @orgId, @kind, @callId, @numberId, @number, @caller, @source, @tag, @ringAttempts, @state, @claimedBy, @claimedAt, @claimAction, @createdAt, @createdAt)`);
  const addAudience = db.prepare(
    'INSERT OR IGNORE INTO notification_audience (notification_id, staff_id) VALUES (?, ?)',
  );
  const find = db.prepare(`SELECT ${cols} FROM notifications n WHERE n.id = ?`);
  const byCall = db.prepare(`SELECT ${cols} FROM notifications n WHERE n.call_id = ?`);
  const audience = db.prepare(
    'SELECT notification_id AS id, staff_id AS staffId FROM notification_audience WHERE notification_id IN (SELECT value FROM json_each(?))',
  );
  const forAgent = db.prepare(`SELECT ${cols} FROM notifications n WHERE n.org_id = @orgId AND (n.claimed_by = @staffId
      OR (n.state = 'unclaimed' AND EXISTS (SELECT 1 FROM notification_audience a WHERE a.notification_id = n.id AND a.staff_id = @staffId)))
    ORDER BY (n.state = 'done'), n.updated_at DESC LIMIT @limit`);
  const forOrg = db.prepare(
    `SELECT ${cols} FROM notifications n WHERE n.org_id = ? ORDER BY (n.state = 'done'), n.updated_at DESC LIMIT ?`,
  );
  const claim =
    db.prepare(`UPDATE notifications SET state = 'claimed', claimed_by = @staffId, claimed_at = @at, claim_action = @action, updated_at = @at
    WHERE id = @id AND state = 'unclaimed' AND claimed_by IS NULL
      AND EXISTS (SELECT 1 FROM notification_audience a WHERE a.notification_id = @id AND a.staff_id = @staffId)`);
  const done = db.prepare(
    `UPDATE notifications SET state = 'done', done_at = @at, updated_at = @at WHERE id = @id AND claimed_by = @staffId AND state = 'claimed'`,
  );
  const link = db.prepare('UPDATE notifications SET contact_id = ?, updated_at = ? WHERE id = ?');
  const touch = db.prepare('UPDATE notifications SET updated_at = ? WHERE id = ?');
  const read = db.prepare(
    'INSERT OR IGNORE INTO notification_reads (notification_id, staff_id, read_at) VALUES (?, ?, ?)',
  );
  const readBy = db
    .prepare(
      'SELECT notification_id FROM notification_reads WHERE staff_id = ? AND notification_id IN (SELECT value FROM json_each(?))',
    )
    .pluck();
  const conversation =
    db.prepare(`SELECT ${cols} FROM notifications n WHERE n.org_id = ? AND n.number_id = ? AND n.caller = ? AND n.kind = 'text'
    AND n.state != 'done' ORDER BY n.created_at DESC LIMIT 1`);
  const latestClaimed =
    db.prepare(`SELECT ${cols} FROM notifications n WHERE n.org_id = ? AND n.claimed_by = ? AND n.caller = ?
    ORDER BY (n.state = 'claimed') DESC, n.updated_at DESC LIMIT 1`);
  const insertText =
    db.prepare(`INSERT OR IGNORE INTO texts (id, org_id, notification_id, direction, company_number, remote, staff_id, body, sip_call_id, at)
    VALUES (@id, @orgId, @notificationId, @direction, @companyNumber, @remote, @staffId, @body, @sipCallId, @at)`);
  const texts =
    db.prepare(`SELECT id, org_id AS orgId, notification_id AS notificationId, direction, company_number AS companyNumber, remote,
    staff_id AS staffId, body, sip_call_id AS sipCallId, at FROM texts WHERE notification_id IN (SELECT value FROM json_each(?)) ORDER BY at, rowid`);

  const withAudience = (rows: Row[]): NotificationRecord[] => {
    if (rows.length === 0) return [];
    const all = audience.all(JSON.stringify(rows.map((r) => r.id))) as { id: string; staffId: string }[];
    return rows.map((r) => ({ ...r, audienceIds: all.filter((a) => a.id === r.id).map((a) => a.staffId) }));
  };
  const one = (row: unknown) => (row ? withAudience([row as Row])[0] : undefined);

  return {
    insert: db.transaction((n: NewNotification) => {
      const claimed = n.claimedBy;
      const added =
        insert.run({
          ...n,
          state: claimed ? 'claimed' : 'unclaimed',
          claimedBy: claimed?.staffId ?? null,
          claimedAt: claimed ? n.createdAt : null,
          claimAction: claimed?.action ?? null,
        }).changes === 1;
      if (added) for (const staffId of n.audienceIds) addAudience.run(n.id, staffId);
      return added;
    }),
    find: (id) => one(find.get(id)),
    findByCall: (callId) => one(byCall.get(callId)),
    listForAgent: (orgId, staffId, limit) => withAudience(forAgent.all({ orgId, staffId, limit }) as Row[]),
    listForOrg: (orgId, limit) => withAudience(forOrg.all(orgId, limit) as Row[]),
    claim: (id, staffId, action, at) => claim.run({ id, staffId, action, at }).changes === 1,
    markDone: (id, staffId, at) => done.run({ id, staffId, at }).changes === 1,
    linkContact: (id, contactId, at) => void link.run(contactId, at, id),
    touch: (id, at) => void touch.run(at, id),
    markRead: (id, staffId, at) => void read.run(id, staffId, at),
    readBy: (staffId, ids) => new Set(ids.length ? (readBy.all(staffId, JSON.stringify(ids)) as string[]) : []),
    openConversation: (orgId, numberId, caller) => one(conversation.get(orgId, numberId, caller)),
    latestClaimedWith: (orgId, staffId, caller) => one(latestClaimed.get(orgId, staffId, caller)),
    insertText: (t) => insertText.run(t).changes === 1,
    texts: (ids) => (ids.length ? (texts.all(JSON.stringify(ids)) as TextRecord[]) : []),
  };
}
