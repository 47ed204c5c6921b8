import type { PresenceState } from '../../common/presence';
import { notRoutableWords } from '../../common/presence-health';
import type { RotationState } from '../../common/domain/route-decision';
import { lookup, type RouteInput } from './route-input';

const unavailableWords: Record<Exclude<PresenceState, 'available'>, string> = {
  offline: 'offline',
  ringing: 'already ringing',
  'on-call': 'on a call',
  'wrap-up': 'wrapping up',
  away: 'away',
  dnd: 'on do-not-disturb',
};

/**
 * What one decision needs besides the input: availability with the reasons staff were skipped,
 * and the rotation state being advanced. Built fresh per decision, so the engine stays pure.
 */
export interface RouteContext {
  readonly input: RouteInput;
  name(staffId: string): string;
  /** True when the agent may be rung; otherwise notes why they were skipped. */
  available(staffId: string): boolean;
  connectedCalls(staffId: string): number;
  skipped: Array<{ staffId: string; reason: string }>;
  rotation: { weighted?: number[]; roundRobin: Record<string, number> };
}

export function createRouteContext(input: RouteInput): RouteContext {
  const skipped: RouteContext['skipped'] = [];
  const staffById = new Map(input.org.staff.map((member) => [member.id, member]));
  const name = (staffId: string) => staffById.get(staffId)?.name ?? staffId;
  const skip = (staffId: string, reason: string) => {
    if (!skipped.some((entry) => entry.staffId === staffId)) skipped.push({ staffId, reason });
  };
  const rotation: RotationState = input.rotation ?? {};
  return {
    input,
    name,
    skipped,
    rotation: {
      weighted: rotation.weighted ? [...rotation.weighted] : undefined,
      roundRobin: { ...rotation.roundRobin },
    },
    connectedCalls: (staffId) => lookup(input.connectedCalls, staffId) ?? 0,
    available(staffId) {
      if (!staffById.has(staffId)) {
        skip(staffId, `${staffId} is not a member of the organisation`);
        return false;
      }
      const state = lookup(input.presence, staffId) ?? 'offline';
      if (state === 'available') return true;
      // Offline with a health issue: the tab is open, and the issue is what keeps the agent from the call.
      const issues = state === 'offline' ? (lookup(input.health, staffId) ?? []) : [];
      const why = issues.length > 0 ? notRoutableWords(issues) : unavailableWords[state];
      skip(staffId, `${name(staffId)} is ${why}`);
      return false;
    },
  };
}
