import type Database from 'better-sqlite3';
import type { Db } from './database';
import type { CallPlan } from '../domain/call-plan';

export type CallState = 'ringing' | 'answered' | 'ended' | 'missed' | 'refused';

export type CallRecord = {
  id: string;
  orgId: string;
  numberId: string;
  number: string;
  caller: string;
  callerName: string | null;
  state: CallState;
  plan: CallPlan;
  summary: string;
  step: number;
  answeredBy: string | null;
  outcomeReason: string | null;
  startedAt: number;
  answeredAt: number | null;
  endedAt: number | null;
};

export type NewCall = Pick<
  CallRecord,
  | 'id'
  | 'orgId'
  | 'numberId'
  | 'number'
  | 'caller'
  | 'callerName'
  | 'state'
  | 'plan'
  | 'summary'
  | 'outcomeReason'
  | 'startedAt'
>;
export type CallOffer = { staffId: string; step: number; reason: string; offeredAt: number; declined?: boolean };

export interface CallRepo {
  insert(call: NewCall): void;
  find(id: string): CallRecord | undefined;
  /** Calls on this number still ringing or answered (for the company-number limit). */
  countActive(numberId: string): number;
  /** How many calls this agent of the organisation answered since `since` (least-connected groups), by index. */
  answeredCount(orgId: string, staffId: string, since: number): number;
  /** Moves the call to its next ring; false when it is no longer ringing. */
  advance(id: string, step: number): boolean;
  addOffers(id: string, offers: CallOffer[]): void;
  /** Marks every offer of this step declined (the step's phones all answered with a refusal); their staff ids. */
  markDeclined(id: string, step: number): string[];
  offers(id: string): CallOffer[];
  /** Sets who answered, once: the first writer wins (settled by the database). */
  claimAnswer(id: string, staffId: string, at: number): boolean;
  /** Calls still ringing or answered that started before `before` (for the sweep against Kamailio's dialogs). */
  unfinished(before: number): Pick<CallRecord, 'id' | 'state' | 'orgId'>[];
  /** Moves the call to `to` only from one of `from`; true when it did. */
  transition(id: string, from: CallState[], to: CallState, at: number, reason?: string): boolean;
}

const columns = `id, org_id AS orgId, number_id AS numberId, number, caller, caller_name AS callerName, state, plan, summary, step,
  answered_by AS answeredBy, outcome_reason AS outcomeReason, started_at AS startedAt, answered_at AS answeredAt, ended_at AS endedAt`;

export function createCallRepo(db: Db): CallRepo {
  const insert =
    db.prepare(`INSERT INTO calls (id, org_id, number_id, number, caller, caller_name, state, plan, summary, outcome_reason, started_at)
    VALUES (@id, @orgId, @numberId, @number, @caller, @callerName, @state, @plan, @summary, @outcomeReason, @startedAt)`);
  const find = db.prepare(`SELECT ${columns} FROM calls WHERE id = ?`);
  const countActive = db
    .prepare(`SELECT COUNT(*) FROM calls WHERE number_id = ? AND state IN ('ringing', 'answered')`)
    .pluck();
  const answered = db
    .prepare('SELECT COUNT(*) FROM calls WHERE answered_by = ? AND answered_at >= ? AND org_id = ?')
    .pluck();
  const advance = db.prepare(`UPDATE calls SET step = ? WHERE id = ? AND state = 'ringing'`);
  const addOffer = db.prepare(
    'INSERT OR IGNORE INTO call_offers (call_id, staff_id, step, reason, offered_at) VALUES (?, ?, ?, ?, ?)',
  );
  const offers = db.prepare(
    'SELECT staff_id AS staffId, step, reason, offered_at AS offeredAt, declined FROM call_offers WHERE call_id = ? ORDER BY offered_at, step',
  );
  const decline = db
    .prepare('UPDATE call_offers SET declined = 1 WHERE call_id = ? AND step = ? RETURNING staff_id')
    .pluck();
  const unfinished = db.prepare(
    `SELECT id, state, org_id AS orgId FROM calls WHERE state IN ('ringing', 'answered') AND started_at < ?`,
  );
  const claim =
    db.prepare(`UPDATE calls SET answered_by = ?, answered_at = COALESCE(answered_at, ?), state = CASE WHEN state = 'ringing' THEN 'answered' ELSE state END
    WHERE id = ? AND answered_by IS NULL AND state IN ('ringing', 'answered')`);

  // One statement per shape (target state's timestamp, how many states it may come from), prepared once.
  const transitions = new Map<string, Database.Statement>();
  const transitionTo = (to: CallState, fromCount: number) => {
    const key = `${to === 'answered' ? 'answered' : 'ended'}:${fromCount}`;
    let statement = transitions.get(key);
    if (!statement) {
      const stamp = to === 'answered' ? 'answered_at = COALESCE(answered_at, @at),' : 'ended_at = @at,';
      const states = Array.from({ length: fromCount }, (_, i) => `@s${i}`).join(', ');
      statement = db.prepare(`UPDATE calls SET ${stamp} state = @to, outcome_reason = COALESCE(@reason, outcome_reason)
        WHERE id = @id AND state IN (${states})`);
      transitions.set(key, statement);
    }
    return statement;
  };

  return {
    insert: (c) => void insert.run({ ...c, plan: JSON.stringify(c.plan) }),
    find(id) {
      const row = find.get(id) as (Omit<CallRecord, 'plan'> & { plan: string }) | undefined;
      return row ? { ...row, plan: JSON.parse(row.plan) as CallPlan } : undefined;
    },
    countActive: (numberId) => countActive.get(numberId) as number,
    answeredCount: (orgId, staffId, since) => answered.get(staffId, since, orgId) as number,
    advance: (id, step) => advance.run(step, id).changes === 1,
    addOffers: db.transaction((id: string, list: CallOffer[]) => {
      for (const o of list) addOffer.run(id, o.staffId, o.step, o.reason, o.offeredAt);
    }),
    offers: (id) =>
      (offers.all(id) as (Omit<CallOffer, 'declined'> & { declined: number })[]).map((o) => ({
        ...o,
        declined: o.declined === 1,
      })),
    markDeclined: (id, step) => decline.all(id, step) as string[],
    claimAnswer: (id, staffId, at) => claim.run(staffId, at, id).changes === 1,
    unfinished: (before) => unfinished.all(before) as Pick<CallRecord, 'id' | 'state' | 'orgId'>[],
    transition(id, from, to, at, reason) {
      const states = Object.fromEntries(from.map((state, i) => [`s${i}`, state]));
      return transitionTo(to, from.length).run({ ...states, at, to, reason: reason ?? null, id }).changes === 1;
    },
  };
}
