import type { CallHistoryItem } from '../../common/calls';
import type { Db } from '../storage/database';
import { createOutboundHistory } from './outbound-history';
import { internalHistory } from './internal-calls';
import type { Repos } from '../storage/repos';

type Row = {
  id: string;
  numberId: string;
  number: string;
  caller: string;
  callerName: string | null;
  state: CallHistoryItem['state'];
  summary: string;
  outcomeReason: string | null;
  answeredBy: string | null;
  answeredByName: string | null;
  startedAt: number;
  answeredAt: number | null;
  endedAt: number | null;
  displayName: string | null;
};

/**
 * Call history: an agent's own calls (offered to, answered or placed by them, between extensions too), or the whole
 * organisation's, newest first.
 */
export function createCallHistory(db: Db, repos: Repos) {
  const base = `SELECT c.id, c.number_id AS numberId, c.number, c.caller, c.caller_name AS callerName, c.state, c.summary,
      c.outcome_reason AS outcomeReason, c.answered_by AS answeredBy, s.name AS answeredByName,
      c.started_at AS startedAt, c.answered_at AS answeredAt, c.ended_at AS endedAt, n.display_name AS displayName
    FROM calls c LEFT JOIN staff s ON s.id = c.answered_by LEFT JOIN virtual_numbers n ON n.id = c.number_id
    WHERE c.org_id = @orgId`;
  const all = db.prepare(`${base} ORDER BY c.started_at DESC LIMIT @limit`);
  const mine =
    db.prepare(`${base} AND (c.answered_by = @staffId OR EXISTS (SELECT 1 FROM call_offers o WHERE o.call_id = c.id AND o.staff_id = @staffId))
    ORDER BY c.started_at DESC LIMIT @limit`);
  const offers =
    db.prepare(`SELECT o.staff_id AS staffId, s.name, o.step, o.reason, o.offered_at AS at, o.declined FROM call_offers o JOIN staff s ON s.id = o.staff_id
    WHERE o.call_id = ? ORDER BY o.offered_at, o.step`);

  const outbound = createOutboundHistory(db);
  const internal = internalHistory(repos);

  return (orgId: string, staffId: string | null, limit = 100): CallHistoryItem[] => {
    const inbound = inboundOf(orgId, staffId, limit);
    return (
      [...inbound, ...outbound(orgId, staffId, limit), ...internal(orgId, staffId, limit)]
        // Kamailio times calls between extensions to the second: two in one second go by when they ended.
        .sort((a, b) => b.startedAt - a.startedAt || (b.endedAt ?? Infinity) - (a.endedAt ?? Infinity))
        .slice(0, limit)
    );
  };

  function inboundOf(orgId: string, staffId: string | null, limit: number): CallHistoryItem[] {
    const rows = (staffId ? mine.all({ orgId, staffId, limit }) : all.all({ orgId, limit })) as Row[];
    return rows.map((r) => ({
      id: r.id,
      direction: 'inbound' as const,
      outbound: null,
      internal: null,
      number: { id: r.numberId, number: r.number, displayName: r.displayName || r.number },
      caller: { number: r.caller, name: r.callerName },
      state: r.state,
      summary: r.summary,
      outcomeReason: r.outcomeReason,
      answeredBy: r.answeredBy ? { id: r.answeredBy, name: r.answeredByName ?? '' } : null,
      rang: (offers.all(r.id) as (Omit<CallHistoryItem['rang'][number], 'declined'> & { declined: number })[]).map(
        (o) => ({ ...o, declined: o.declined === 1 }),
      ),
      startedAt: r.startedAt,
      answeredAt: r.answeredAt,
      endedAt: r.endedAt,
      durationSeconds: r.answeredAt && r.endedAt ? Math.round((r.endedAt - r.answeredAt) / 1000) : null,
    }));
  }
}
export type CallHistory = ReturnType<typeof createCallHistory>;
