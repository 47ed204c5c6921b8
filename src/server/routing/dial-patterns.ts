import type { GroupDestination } from '../../common/domain/destination';
import type { RingStep } from '../../common/domain/route-decision';
import type { RouteContext } from './route-context';

function staffStep(
  staffIds: string[],
  reasonOf: (staffId: string) => string,
  mode: RingStep['mode'],
  ringTimeoutSeconds: number,
): RingStep {
  return {
    targets: staffIds.map((staffId) => ({ kind: 'staff', staffId, reason: reasonOf(staffId) })),
    mode,
    ringTimeoutSeconds,
  };
}

/** Rotation key of a round-robin group: its member list. */
export function roundRobinKey(staffIds: string[]): string {
  return staffIds.join(',');
}

/** Members from the rotation pointer onwards, wrapping; the pointer moves past the first available one. */
function roundRobinOrder(group: GroupDestination, available: Set<string>, ctx: RouteContext): string[] {
  const key = roundRobinKey(group.staffIds);
  const count = group.staffIds.length;
  const start = (ctx.rotation.roundRobin[key] ?? 0) % count;
  const rotated = [...group.staffIds.slice(start), ...group.staffIds.slice(0, start)].filter((id) => available.has(id));
  const first = rotated[0];
  if (first !== undefined) ctx.rotation.roundRobin[key] = (group.staffIds.indexOf(first) + 1) % count;
  return rotated;
}

/**
 * The step that rings a group's available members in its dial pattern, or null when nobody in the group
 * is available. Sequential modes ring one member at a time, each for `ringTimeoutSeconds`.
 */
export function groupStep(
  group: GroupDestination,
  ringTimeoutSeconds: number,
  reason: string,
  ctx: RouteContext,
): RingStep | null {
  const available = group.staffIds.filter((staffId) => ctx.available(staffId));
  if (available.length === 0) return null;
  switch (group.pattern) {
    case 'simultaneous':
      return staffStep(available, () => `${reason}, group rung together`, 'simultaneous', ringTimeoutSeconds);
    case 'sequential':
      return staffStep(available, () => `${reason}, group in order`, 'sequential', ringTimeoutSeconds);
    case 'round-robin': {
      const order = roundRobinOrder(group, new Set(available), ctx);
      return staffStep(order, () => `${reason}, round robin`, 'sequential', ringTimeoutSeconds);
    }
    case 'least-connected': {
      const order = [...available].sort((a, b) => ctx.connectedCalls(a) - ctx.connectedCalls(b));
      const calls = (staffId: string) => ctx.connectedCalls(staffId);
      return staffStep(
        order,
        (staffId) => `${reason}, least connected (${calls(staffId)} call${calls(staffId) === 1 ? '' : 's'} in 24 h)`,
        'sequential',
        ringTimeoutSeconds,
      );
    }
  }
}
