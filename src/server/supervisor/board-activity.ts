import type { BoardActivity, BoardCall, BoardToday } from '../../common/api/board';
import type { Db } from '../storage/database';
import type { LiveInternalCall } from '../domain/live-internal-calls';

type CallRow = Omit<BoardCall, 'party' | 'number'> & {
  staffId: string;
  partyNumber: string;
  partyName: string | null;
  partyStaffId?: string;
  numberId: string | null;
  numberE164: string | null;
  displayName: string | null;
};

// Each query comes in two forms: for the whole organisation (the board as it opens) and for one agent (every
// call fact of theirs), where `who` names the agent's column so the query is an index range over that agent's
// calls of the day, never the organisation's call history. `who(column)` is the agent filter, empty for all.
type Who = (column: string) => string;
const everyone: Who = () => '';
const oneAgent: Who = (column) => `AND ${column} = @staffId`;
// Calls under way are few: they are found by (organisation, state), and the agent's column only filters them
// (a unary + keeps SQLite from walking that agent's whole call history by the agent's index instead).
const filterAgent: Who = (column) => `AND +${column} = @staffId`;

// Calls under way: inbound ones an agent answered or is being rung for now (an offer of the call's current
// step), and the calls to customers an agent placed. Read by (organisation, state): only calls under way.
const liveCallsSql = (who: Who) => `
  SELECT c.id, 'inbound' AS direction, 'talking' AS status, c.answered_by AS staffId, c.caller AS partyNumber,
    c.caller_name AS partyName, c.number_id AS numberId, c.number AS numberE164, n.display_name AS displayName,
    c.started_at AS startedAt, c.answered_at AS answeredAt
  FROM calls c LEFT JOIN virtual_numbers n ON n.id = c.number_id
  WHERE c.org_id = @orgId AND c.state = 'answered' AND c.answered_by IS NOT NULL ${who('c.answered_by')}
  UNION ALL
  SELECT c.id, 'inbound', 'ringing', o.staff_id, c.caller, c.caller_name, c.number_id, c.number, n.display_name,
    o.offered_at, NULL
  FROM calls c JOIN call_offers o ON o.call_id = c.id AND o.step = c.step - 1
    LEFT JOIN virtual_numbers n ON n.id = c.number_id
  WHERE c.org_id = @orgId AND c.state = 'ringing' ${who('o.staff_id')}
  UNION ALL
  SELECT c.id, 'outbound', CASE c.state WHEN 'answered' THEN 'talking' ELSE 'ringing' END, c.staff_id, c.callee,
    c.contact_name, c.number_id, c.caller_id, n.display_name, c.started_at, c.answered_at
  FROM outbound_calls c LEFT JOIN virtual_numbers n ON n.id = c.number_id
  WHERE c.org_id = @orgId AND c.state IN ('ringing', 'answered') ${who('c.staff_id')}`;

const answeredSql = (who: Who) => `SELECT answered_by AS staffId, COUNT(*) AS n FROM calls
  WHERE org_id = @orgId AND answered_by IS NOT NULL AND answered_at >= @start AND answered_at < @end
    ${who('answered_by')}
  GROUP BY answered_by`;

// Rang the agent today and they did not answer it: not while it still rings them, and not when someone rung
// in the same step (at the same time) answered it.
const missedSql = (who: Who) => `SELECT o.staff_id AS staffId, COUNT(DISTINCT c.id) AS n
  FROM call_offers o JOIN calls c ON c.id = o.call_id
  WHERE c.org_id = @orgId AND o.offered_at >= @start AND o.offered_at < @end
    ${who('o.staff_id')}
    AND (c.answered_by IS NULL OR c.answered_by != o.staff_id)
    AND NOT (c.state = 'ringing' AND c.step - 1 = o.step)
    AND NOT EXISTS (SELECT 1 FROM call_offers p WHERE p.call_id = c.id AND p.step = o.step AND p.staff_id = c.answered_by)
  GROUP BY o.staff_id`;

// Talk time of the calls that ended today, inbound and outbound.
const talkSql = (who: Who) => `SELECT staffId, SUM(ms) AS n FROM (
    SELECT answered_by AS staffId, ended_at - answered_at AS ms FROM calls
    WHERE org_id = @orgId AND state = 'ended' AND answered_by IS NOT NULL AND ended_at >= @start AND ended_at < @end
      ${who('answered_by')}
    UNION ALL
    SELECT staff_id, ended_at - answered_at FROM outbound_calls
    WHERE org_id = @orgId AND state = 'ended' AND answered_at IS NOT NULL AND ended_at >= @start AND ended_at < @end
      ${who('staff_id')}
  ) GROUP BY staffId`;

/** A talking call comes before one ringing (call waiting), then the newest. */
const moreCurrent = (a: CallRow, b: CallRow) =>
  a.status !== b.status ? (a.status === 'talking' ? -1 : 1) : b.startedAt - a.startedAt;

const toCall = (r: CallRow): BoardCall => ({
  id: r.id,
  direction: r.direction,
  status: r.status,
  party: { number: r.partyNumber, name: r.partyName, ...(r.partyStaffId && { staffId: r.partyStaffId }) },
  number:
    r.numberId && r.numberE164
      ? { id: r.numberId, number: r.numberE164, displayName: r.displayName || r.numberE164 }
      : null,
  startedAt: r.startedAt,
  answeredAt: r.answeredAt,
});

/** A call between extensions as each of its two agents' rows: out to the callee, in from the caller. */
function internalRows(c: LiveInternalCall): CallRow[] {
  const common = {
    id: c.id,
    status: c.answeredAt === null ? ('ringing' as const) : ('talking' as const),
    numberId: null,
    numberE164: null,
    displayName: null,
    startedAt: c.startedAt,
    answeredAt: c.answeredAt,
  };
  const side = (direction: BoardCall['direction'], staffId: string, other: LiveInternalCall['caller']) => ({
    ...common,
    direction,
    staffId,
    partyNumber: other.extension ?? '',
    partyName: other.name,
    partyStaffId: other.id,
  });
  return [side('outbound', c.caller.id, c.callee), side('inbound', c.callee.id, c.caller)];
}

/**
 * What the board shows of each agent beyond presence: the call they are on (or being rung for) and their calls
 * of the day [start, end). A few grouped queries for a whole organisation, the same ones for one agent.
 */
export function createBoardActivity(db: Db, liveInternal: (orgId: string) => LiveInternalCall[] = () => []) {
  const queries = (who: Who, liveWho = who) => ({
    live: db.prepare(liveCallsSql(liveWho)),
    answered: db.prepare(answeredSql(who)),
    missed: db.prepare(missedSql(who)),
    talk: db.prepare(talkSql(who)),
  });
  const [all, one] = [queries(everyone), queries(oneAgent, filterAgent)];
  const byStaff = (rows: unknown[]) => new Map((rows as { staffId: string; n: number }[]).map((r) => [r.staffId, r.n]));

  return (q: {
    orgId: string;
    staffIds: string[];
    only?: string;
    start: number;
    end: number;
    rev: number;
  }): BoardActivity[] => {
    const sql = q.only ? one : all;
    const params = { orgId: q.orgId, start: q.start, end: q.end, ...(q.only && { staffId: q.only }) };
    const calls = new Map<string, CallRow>();
    const internal = liveInternal(q.orgId)
      .flatMap(internalRows)
      .filter((r) => !q.only || r.staffId === q.only);
    for (const row of [...(sql.live.all(params) as CallRow[]), ...internal].sort(moreCurrent))
      if (!calls.has(row.staffId)) calls.set(row.staffId, row);
    const answered = byStaff(sql.answered.all(params));
    const missed = byStaff(sql.missed.all(params));
    const talk = byStaff(sql.talk.all(params));
    return q.staffIds.map((staffId) => {
      const call = calls.get(staffId);
      const today: BoardToday = {
        answered: answered.get(staffId) ?? 0,
        missed: missed.get(staffId) ?? 0,
        talkSeconds: Math.round((talk.get(staffId) ?? 0) / 1000),
      };
      return { staffId, rev: q.rev, call: call ? toCall(call) : null, today };
    });
  };
}
export type BoardActivityQuery = ReturnType<typeof createBoardActivity>;
