import type { Db } from './database';

export type InternalCall = {
  id: string;
  orgId: string;
  callerId: string;
  callerName: string;
  callerExt: string | null;
  /** Null when nobody of the organisation has the extension dialled. */
  calleeId: string | null;
  calleeName: string | null;
  calleeExt: string;
  state: 'ended' | 'missed' | 'refused';
  outcomeReason: string;
  startedAt: number;
  answeredAt: number | null;
  endedAt: number;
};
export type NewInternalCall = Omit<InternalCall, 'callerName' | 'callerExt' | 'calleeName'>;

export interface InternalCallRepo {
  /** False when the call was already recorded (Kamailio reports each once; a repeat changes nothing). */
  insert(call: NewInternalCall): boolean;
  /** The organisation's calls between extensions, or those one agent made or was called on, newest first. */
  list(orgId: string, staffId: string | null, limit: number): InternalCall[];
}

export function createInternalCallRepo(db: Db): InternalCallRepo {
  const insert =
    db.prepare(`INSERT INTO internal_calls (id, org_id, caller_id, callee_id, callee_ext, state, outcome_reason, started_at, answered_at, ended_at)
    VALUES (@id, @orgId, @callerId, @calleeId, @calleeExt, @state, @outcomeReason, @startedAt, @answeredAt, @endedAt) ON CONFLICT (id) DO NOTHING`);
  const base = `SELECT c.id, c.org_id AS orgId, c.caller_id AS callerId, a.name AS callerName, a.extension AS callerExt, c.callee_id AS calleeId,
      b.name AS calleeName, c.callee_ext AS calleeExt, c.state, c.outcome_reason AS outcomeReason, c.started_at AS startedAt,
      c.answered_at AS answeredAt, c.ended_at AS endedAt
    FROM internal_calls c JOIN staff a ON a.id = c.caller_id LEFT JOIN staff b ON b.id = c.callee_id WHERE c.org_id = @orgId`;
  const all = db.prepare(`${base} ORDER BY c.started_at DESC, c.ended_at DESC LIMIT @limit`);
  const mine = db.prepare(
    `${base} AND (c.caller_id = @staffId OR c.callee_id = @staffId) ORDER BY c.started_at DESC, c.ended_at DESC LIMIT @limit`,
  );
  return {
    insert: (c) => insert.run(c).changes === 1,
    list: (orgId, staffId, limit) =>
      (staffId ? mine.all({ orgId, staffId, limit }) : all.all({ orgId, limit })) as InternalCall[],
  };
}
