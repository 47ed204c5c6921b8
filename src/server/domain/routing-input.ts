import type { VirtualNumber } from '../../common/domain/virtual-number';
import type { PresenceState } from '../../common/presence';
import type { HealthIssue } from '../../common/presence-health';
import type { CallRepo } from '../storage/call-repo';
import type { RouteSource } from '../storage/route-source';
import type { RouteInput, StaffLookup } from '../routing/route-input';

const DAY_MS = 86_400_000;

/** What the routing input is read from: the organisation's routing data and its calls. */
export type RoutingReads = {
  source: Pick<RouteSource, 'org' | 'callerContacts' | 'bindings' | 'rotation'>;
  calls: Pick<CallRepo, 'countActive' | 'answeredCount'>;
};

export type RouteQuestion = {
  orgId: string;
  number: VirtualNumber;
  /** E.164 when known. */
  caller: string;
  callId?: string;
  presence: StaffLookup<PresenceState>;
  /** Health issues of agents that have any: the skip reason names them. */
  health?: StaffLookup<readonly HealthIssue[]>;
  /** The clock: bindings live at this moment, calls connected in the 24 hours before it. */
  at: number;
};

/**
 * The routing engine's input for one call, the one place it is assembled: the real decision (inbound calls)
 * and "Who would ring?" (the dry run) read the same facts, so they cannot disagree. The calls in progress on
 * the number count toward the company number's limit; the calls each agent answered in the last 24 hours
 * rank least-connected groups, counted only for the agents the engine asks about. Every read is by key or index.
 */
export function buildRouteInput({ source, calls }: RoutingReads, q: RouteQuestion): RouteInput {
  const { staff, itemTypes, businessHours } = source.org(q.orgId);
  const answered = new Map<string, number>();
  const connectedCalls = (staffId: string) => {
    if (!answered.has(staffId)) answered.set(staffId, calls.answeredCount(q.orgId, staffId, q.at - DAY_MS));
    return answered.get(staffId);
  };
  return {
    call: { numberDialled: q.number.number, caller: q.caller, callId: q.callId },
    number: q.number,
    org: {
      staff,
      contacts: source.callerContacts(q.orgId, q.caller),
      itemTypes,
      businessHours,
      activeCompanyCalls: calls.countActive(q.number.id),
    },
    presence: q.presence,
    health: q.health,
    connectedCalls,
    bindings: source.bindings(q.orgId, q.number.id, q.caller, q.at),
    now: new Date(q.at),
    rotation: source.rotation(q.number.id),
  };
}
