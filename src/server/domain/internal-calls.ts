import type { CallHistoryItem } from '../../common/calls';
import type { InternalCallQuery } from '../../common/sip-hooks';
import type { InternalCall, NewInternalCall } from '../storage/internal-call-repo';
import type { Repos } from '../storage/repos';

type Deps = {
  repos: Repos;
  now: () => number;
  updated?: (orgId: string, staffIds: string[], callId: string) => void;
  /** The call leaves the calls under way (the board's). */
  ended?: (callId: string) => void;
};

/** A refused or unanswered call in words, from the final SIP answer Kamailio saw. */
function failure(code: number | undefined, calleeKnown: boolean): Pick<NewInternalCall, 'state' | 'outcomeReason'> {
  switch (code) {
    case 404:
      return { state: 'refused', outcomeReason: calleeKnown ? 'Not signed in' : 'No such extension' };
    case 486:
    case 603:
      return { state: 'missed', outcomeReason: 'Declined' };
    case 408:
    case 480:
      return { state: 'missed', outcomeReason: 'No answer' };
    case 487:
      return { state: 'missed', outcomeReason: 'Caller hung up while ringing' };
    default:
      return { state: 'refused', outcomeReason: `Call failed (${code ?? 'no code'})` };
  }
}

/**
 * Calls between extensions, recorded once when Kamailio reports them over. Who called is the authenticated
 * extension Kamailio saw; the callee is looked up in the caller's own organisation only, so another organisation's
 * extension is recorded as nobody's (Kamailio answers it 404, as it does an unknown one).
 */
export function createInternalCalls(deps: Deps) {
  const { repos } = deps;
  return {
    /** False when the caller is no agent (nothing is recorded); true once recorded, or already recorded. */
    record(q: InternalCallQuery): boolean {
      deps.ended?.(q.callId);
      const caller = repos.staff.findByExtension(q.from);
      if (!caller) return false;
      const found = repos.staff.findByExtension(q.to);
      const callee = found && found.orgId === caller.orgId ? found : undefined;
      const answeredAt = q.answeredAt ? q.answeredAt * 1000 : null;
      const outcome =
        q.outcome === 'ended'
          ? { state: 'ended' as const, outcomeReason: q.by === 'callee' ? 'Callee hung up' : 'Caller hung up' }
          : q.outcome === 'cancelled'
            ? { state: 'missed' as const, outcomeReason: 'Caller hung up while ringing' }
            : failure(q.code, callee !== undefined);
      const inserted = repos.internalCalls.insert({
        id: q.callId,
        orgId: caller.orgId,
        callerId: caller.id,
        calleeId: callee?.id ?? null,
        calleeExt: q.to,
        ...outcome,
        startedAt: q.startedAt * 1000,
        answeredAt: q.outcome === 'ended' ? answeredAt : null,
        endedAt: deps.now(),
      });
      if (inserted) deps.updated?.(caller.orgId, [caller.id, ...(callee ? [callee.id] : [])], q.callId);
      return true;
    },
  };
}
export type InternalCalls = ReturnType<typeof createInternalCalls>;

/** Internal calls as history lines: who called whom, how it ended, how long they talked. */
export function internalHistory(repos: Repos) {
  return (orgId: string, staffId: string | null, limit: number): CallHistoryItem[] =>
    repos.internalCalls.list(orgId, staffId, limit).map((c: InternalCall) => ({
      id: c.id,
      direction: 'internal',
      outbound: null,
      internal: { callerId: c.callerId, calleeId: c.calleeId },
      number: { id: '', number: c.calleeExt, displayName: c.calleeName ?? `extension ${c.calleeExt}` },
      caller: { number: c.callerExt ?? '', name: c.callerName },
      state: c.state,
      summary: 'Call between extensions',
      outcomeReason: c.outcomeReason,
      answeredBy: c.answeredAt && c.calleeId ? { id: c.calleeId, name: c.calleeName ?? '' } : null,
      rang: [],
      startedAt: c.startedAt,
      answeredAt: c.answeredAt,
      endedAt: c.endedAt,
      durationSeconds: c.answeredAt ? Math.max(0, Math.round((c.endedAt - c.answeredAt) / 1000)) : null,
    }));
}
