import type { InternalCallProgressQuery } from '../../common/sip-hooks';
import type { StaffRecord } from '../storage/staff-repo';

/** A call between two agents of one organisation, ringing or answered, as Kamailio reported it. */
export type LiveInternalCall = {
  id: string;
  orgId: string;
  caller: Pick<StaffRecord, 'id' | 'name' | 'extension'>;
  callee: Pick<StaffRecord, 'id' | 'name' | 'extension'>;
  startedAt: number;
  answeredAt: number | null;
};

type Deps = {
  findByExtension: (extension: string) => StaffRecord | undefined;
  now: () => number;
  /** These agents' current call changed (the board's activity is read again). */
  touched: (orgId: string, staffIds: string[]) => void;
};

/** Calls reported over are remembered this long, so a progress report overtaken by the final one is ignored. */
const ENDED_KEPT = 10_000;
/** A call still ringing after this long lost its final report (Kamailio gives up ringing well before). */
const RINGING_AT_MOST_MS = 5 * 60_000;

/**
 * The calls between extensions under way, in memory (they die with the connections anyway): Kamailio reports each
 * ringing and answered, and the final report (internal-calls.ts) ends it. Only calls between two agents of the
 * caller's own organisation are kept; anything else is not a call a board shows.
 */
export function createLiveInternalCalls(deps: Deps) {
  const live = new Map<string, LiveInternalCall>();
  const ended = new Set<string>();

  return {
    /** False when the report is not about two agents of one organisation (nothing kept). */
    progress(q: InternalCallProgressQuery): boolean {
      const caller = deps.findByExtension(q.from);
      const callee = deps.findByExtension(q.to);
      if (!caller || !callee || callee.orgId !== caller.orgId) return false;
      if (ended.has(q.callId)) return true;
      const known = live.get(q.callId);
      const answeredAt = q.event === 'answered' ? (known?.answeredAt ?? deps.now()) : (known?.answeredAt ?? null);
      const who = (s: StaffRecord) => ({ id: s.id, name: s.name, extension: s.extension });
      live.set(q.callId, {
        id: q.callId,
        orgId: caller.orgId,
        caller: who(caller),
        callee: who(callee),
        startedAt: q.startedAt * 1000,
        answeredAt,
      });
      deps.touched(caller.orgId, [caller.id, callee.id]);
      return true;
    },
    /** The call is over (recorded in the history): it leaves the board. */
    ended(callId: string): void {
      ended.add(callId);
      if (ended.size > ENDED_KEPT) ended.delete(ended.values().next().value!);
      const call = live.get(callId);
      if (!call) return;
      live.delete(callId);
      deps.touched(call.orgId, [call.caller.id, call.callee.id]);
    },
    /** The organisation's calls between extensions under way. */
    of(orgId: string): LiveInternalCall[] {
      const now = deps.now();
      for (const [id, c] of live) if (c.answeredAt === null && now - c.startedAt > RINGING_AT_MOST_MS) live.delete(id);
      return [...live.values()].filter((c) => c.orgId === orgId);
    },
  };
}
export type LiveInternalCalls = ReturnType<typeof createLiveInternalCalls>;
