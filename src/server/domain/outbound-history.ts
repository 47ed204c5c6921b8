import type { CallHistoryItem } from '../../common/calls';
import type { Db } from '../storage/database';

type Row = {
  id: string;
  staffId: string;
  staffName: string;
  callee: string;
  contactId: string | null;
  contactName: string | null;
  numberId: string | null;
  callerId: string;
  displayName: string | null;
  engagement: number;
  state: CallHistoryItem['state'];
  outcomeReason: string | null;
  startedAt: number;
  answeredAt: number | null;
  endedAt: number | null;
};

/** Outbound calls as history lines: the caller ID presented, the customer (and contact), engagement, outcome. */
export function createOutboundHistory(db: Db) {
  const base = `SELECT o.id, o.staff_id AS staffId, s.name AS staffName, o.callee, o.contact_id AS contactId, o.contact_name AS contactName,
      o.number_id AS numberId, o.caller_id AS callerId, n.display_name AS displayName, o.engagement, o.state, o.outcome_reason AS outcomeReason,
      o.started_at AS startedAt, o.answered_at AS answeredAt, o.ended_at AS endedAt
    FROM outbound_calls o JOIN staff s ON s.id = o.staff_id LEFT JOIN virtual_numbers n ON n.id = o.number_id
    WHERE o.org_id = @orgId`;
  const all = db.prepare(`${base} ORDER BY o.started_at DESC LIMIT @limit`);
  const mine = db.prepare(`${base} AND o.staff_id = @staffId ORDER BY o.started_at DESC LIMIT @limit`);

  return (orgId: string, staffId: string | null, limit: number): CallHistoryItem[] =>
    ((staffId ? mine.all({ orgId, staffId, limit }) : all.all({ orgId, limit })) as Row[]).map((r) => ({
      id: r.id,
      direction: 'outbound',
      outbound: { agent: { id: r.staffId, name: r.staffName }, engagement: r.engagement === 1, contactId: r.contactId },
      internal: null,
      number: { id: r.numberId ?? '', number: r.callerId, displayName: r.displayName || r.callerId || 'no caller ID' },
      caller: { number: r.callee, name: r.contactName },
      state: r.state,
      summary: r.engagement === 1 ? 'Outbound call in engagement mode' : 'Outbound call',
      outcomeReason: r.outcomeReason,
      answeredBy: r.answeredAt ? { id: r.staffId, name: r.staffName } : null,
      rang: [],
      startedAt: r.startedAt,
      answeredAt: r.answeredAt,
      endedAt: r.endedAt,
      durationSeconds: r.answeredAt && r.endedAt ? Math.round((r.endedAt - r.answeredAt) / 1000) : null,
    }));
}
