import type { NoAnswerOutcome, RingStep, RingTarget, RouteDecision } from '../../common/domain/route-decision';

/** One ring of the plan as Kamailio carries it out: these targets at once, for this long. */
export type PlannedRing = { targets: RingTarget[]; timeoutSeconds: number; note?: string };

/**
 * The whole plan of a call: rings in order, then what happens when nobody answered. An unknown caller of a
 * company number carries the rule's agents (`notifyStaffIds`: they get the notification if it is missed);
 * a known contact's call the contacts whose timeline records it.
 */
export type CallPlan = { rings: PlannedRing[]; onNoAnswer: NoAnswerOutcome; notifyStaffIds?: string[]; logContactIds?: string[] };

/** A sequential step becomes one ring per target; a simultaneous step stays one ring. */
export function planFromDecision(decision: RouteDecision, unknownCompanyCaller = false): CallPlan {
  const rings = decision.steps.flatMap((step: RingStep) =>
    step.mode === 'sequential'
      ? step.targets.map((t) => ({ targets: [t], timeoutSeconds: step.ringTimeoutSeconds }))
      : [{ targets: step.targets, timeoutSeconds: step.ringTimeoutSeconds }],
  );
  const plan: CallPlan = { rings, onNoAnswer: decision.onNoAnswer };
  if (unknownCompanyCaller) plan.notifyStaffIds = decision.notifyStaffIds;
  if (decision.logContactIds.length > 0) plan.logContactIds = decision.logContactIds;
  return plan;
}

/** When the rings are used up: the fail-safe number rings once; voicemail (not built yet) ends as missed. */
export function tailRing(outcome: NoAnswerOutcome): PlannedRing | undefined {
  if (outcome.kind !== 'external') return undefined;
  return { targets: [{ kind: 'external', number: outcome.number, reason: outcome.reason }], timeoutSeconds: 60, note: 'fail-safe' };
}
