import type { Destination } from '../../common/domain/destination';
import type { RingStep } from '../../common/domain/route-decision';
import { groupStep } from './dial-patterns';
import type { RouteContext } from './route-context';

export interface RoutedDestination {
  destination: Destination;
  ringTimeoutSeconds: number;
  /** Why this destination is rung ("alternative routing, destination 2"). */
  reason: string;
}

/** Steps to ring in order, and whether the plan ended on the voicemail destination. */
export interface ChainPlan {
  steps: RingStep[];
  reachedVoicemail: boolean;
}

/** One destination as a step; null when nobody there can be rung now; 'voicemail' for the voicemail destination. */
export function destinationStep(entry: RoutedDestination, ctx: RouteContext): RingStep | null | 'voicemail' {
  const { destination, ringTimeoutSeconds, reason } = entry;
  switch (destination.kind) {
    case 'staff':
      return ctx.available(destination.staffId)
        ? {
            targets: [{ kind: 'staff', staffId: destination.staffId, reason }],
            mode: 'simultaneous',
            ringTimeoutSeconds,
          }
        : null;
    case 'external':
      return {
        targets: [
          {
            kind: 'external',
            number: destination.number,
            ...(destination.dialExtension !== undefined ? { dialExtension: destination.dialExtension } : {}),
            ...(destination.dialDelaySeconds !== undefined ? { dialDelaySeconds: destination.dialDelaySeconds } : {}),
            reason,
          },
        ],
        mode: 'simultaneous',
        ringTimeoutSeconds,
      };
    case 'group':
      return groupStep(destination, ringTimeoutSeconds, reason, ctx);
    case 'voicemail':
      return 'voicemail';
  }
}

/**
 * Destinations in order: unavailable ones (and empty groups) are skipped; the chain stops at the
 * voicemail destination, and after a simultaneous group, which has no no-answer routing of its own.
 * With `firstOnly`, only the first destination that can be rung is used.
 */
export function planChain(entries: RoutedDestination[], ctx: RouteContext, firstOnly = false): ChainPlan {
  const steps: RingStep[] = [];
  for (const entry of entries) {
    const step = destinationStep(entry, ctx);
    if (step === 'voicemail') return { steps, reachedVoicemail: true };
    if (step === null) continue;
    steps.push(step);
    const simultaneousGroup = entry.destination.kind === 'group' && entry.destination.pattern === 'simultaneous';
    if (firstOnly || simultaneousGroup) break;
  }
  return { steps, reachedVoicemail: false };
}
