import type { Db } from './database';

export type OutboundState = 'ringing' | 'answered' | 'ended' | 'missed' | 'refused';

export type OutboundCall = {
  id: string;
  orgId: string;
  staffId: string;
  callee: string;
  contactId: string | null;
  contactName: string | null;
  numberId: string | null;
  callerId: string;
  engagement: boolean;
  state: OutboundState;
  outcomeReason: string | null;
  startedAt: number;
  answeredAt: number | null;
  endedAt: number | null;
};

export type NewOutboundCall = Omit<OutboundCall, 'answeredAt' | 'endedAt'>;

/** Calls agents placed to the phone network, and each agent's remembered caller ID. */
export interface OutboundCallRepo {
  /** False when a call with this Call-ID was already recorded (the first judgement stands). */
  insert(call: NewOutboundCall): boolean;
  find(id: string): OutboundCall | undefined;
  /** Moves the call to `to` only from one of `from`; true when it did (settled by the database). */
  transition(id: string, from: OutboundState[], to: OutboundState, at: number, reason?: string): boolean;
  /** The organisation's (or one agent's) calls, newest first. */
  list(orgId: string, staffId: string | null, limit: number): OutboundCall[];
  choice(staffId: string): string | undefined;
  setChoice(staffId: string, numberId: string, at: number): void;
}

const columns = `id, org_id AS orgId, staff_id AS staffId, callee, contact_id AS contactId, contact_name AS contactName,
  number_id AS numberId, caller_id AS callerId, engagement, state, outcome_reason AS outcomeReason,
  started_at AS startedAt, answered_at AS answeredAt, ended_at AS endedAt`;

type Row = Omit<OutboundCall, 'engagement'> & { engagement: number };
const fromRow = (r: Row): OutboundCall => ({ ...r, engagement: r.engagement === 1 });

export function createOutboundCallRepo(db: Db): OutboundCallRepo {
  const insert =
    db.prepare(`INSERT INTO outbound_calls (id, org_id, staff_id, callee, contact_id, contact_name, number_id, caller_id,
      engagement, state, outcome_reason, started_at)
    VALUES (@id, @orgId, @staffId, @callee, @contactId, @contactName, @numberId, @callerId, @engagement, @state, @outcomeReason, @startedAt)
    ON CONFLICT (id) DO NOTHING`);
  const find = db.prepare(`SELECT ${columns} FROM outbound_calls WHERE id = ?`);
  const byOrg = db.prepare(`SELECT ${columns} FROM outbound_calls WHERE org_id = ? ORDER BY started_at DESC LIMIT ?`);
  const byStaff = db.prepare(
    `SELECT ${columns} FROM outbound_calls WHERE org_id = ? AND staff_id = ? ORDER BY started_at DESC LIMIT ?`,
  );
  const choice = db.prepare('SELECT number_id FROM caller_id_choices WHERE staff_id = ?').pluck();
  const setChoice = db.prepare(`INSERT INTO caller_id_choices (staff_id, number_id, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (staff_id) DO UPDATE SET number_id = excluded.number_id, updated_at = excluded.updated_at`);
  return {
    insert: (c) => insert.run({ ...c, engagement: c.engagement ? 1 : 0 }).changes === 1,
    find: (id) => {
      const row = find.get(id) as Row | undefined;
      return row ? fromRow(row) : undefined;
    },
    transition(id, from, to, at, reason) {
      const states = Object.fromEntries(from.map((state, i) => [`s${i}`, state]));
      const stamp = to === 'answered' ? 'answered_at = COALESCE(answered_at, @at),' : 'ended_at = @at,';
      const sql = `UPDATE outbound_calls SET ${stamp} state = @to, outcome_reason = COALESCE(@reason, outcome_reason)
        WHERE id = @id AND state IN (${Object.keys(states)
          .map((k) => `@${k}`)
          .join(', ')})`;
      return db.prepare(sql).run({ ...states, at, to, reason: reason ?? null, id }).changes === 1;
    },
    list: (orgId, staffId, limit) =>
      ((staffId ? byStaff.all(orgId, staffId, limit) : byOrg.all(orgId, limit)) as Row[]).map(fromRow),
    choice: (staffId) => choice.get(staffId) as string | undefined,
    setChoice: (staffId, numberId, at) => void setChoice.run(staffId, numberId, at),
  };
}
