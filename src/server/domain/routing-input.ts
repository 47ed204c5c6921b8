import type { VirtualNumber } from '../../common/domain/virtual-number';
import type { PresenceState } from '../../common/presence';
import type { HealthIssue } from '../../common/presence-health';
import type { CallRepo } from '../storage/call-repo';
import type { RouteSource } from '../storage/route-source';
import type { RouteInput } from '../routing/route-input';

const DAY_MS = 86_400_000;

/** What the routing input is read from: the organisation's routing data and its calls. */
export type RoutingReads = {
  source: Pick<RouteSource, 'orgRouting' | 'bindings' | 'rotation'>;
  calls: Pick<CallRepo, 'countActive' | 'answeredSince'>;
};

export type RouteQuestion = {
  orgId: string;
  number: VirtualNumber;
  /** E.164 when known. */
  caller: string;
  callId?: string;
  presence: Record<string, PresenceState>;
  /** Health issues of agents that have any: the skip reason names them. */
  health?: Record<string, readonly HealthIssue[]>;
  /** The clock: bindings live at this moment, calls connected in the 24 hours before it. */
  at: number;
};

/**
 * The routing engine's input for one call, the one place it is assembled: the real decision (inbound calls)
 * and "Who would ring?" (the dry run) read the same facts, so they cannot disagree. The calls in progress on
 * the number count toward the company number's limit; the calls each agent answered in the last 24 hours
 * rank least-connected groups.
 */
export function buildRouteInput({ source, calls }: RoutingReads, q: RouteQuestion): RouteInput {
  return {
    call: { numberDialled: q.number.number, caller: q.caller, callId: q.callId },
    number: q.number,
    org: { ...source.orgRouting(q.orgId, q.caller), activeCompanyCalls: calls.countActive(q.number.id) },
    presence: q.presence,
    health: q.health,
    connectedCalls: calls.answeredSince(q.orgId, q.at - DAY_MS),
    bindings: source.bindings(q.orgId, q.at),
    now: new Date(q.at),
    rotation: source.rotation(q.number.id),
  };
}
