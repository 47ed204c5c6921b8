import type { NoAnswerOutcome, RingStep, RingTarget, RouteDecision } from '../../common/domain/route-decision';

/** The voicemail service answers and records a message into this box (a number's id). */
export type VoicemailTarget = { kind: 'voicemail'; boxId: string; reason: string };
export type PlannedTarget = RingTarget | VoicemailTarget;

/** One ring of the plan as Kamailio carries it out: these targets at once, for this long. */
export type PlannedRing = { targets: PlannedTarget[]; timeoutSeconds: number; note?: string };

/**
 * The whole plan of a call: rings in order, then what happens when nobody answered. An unknown caller of a
 * company number carries the rule's agents (`notifyStaffIds`: they get the notification if it is missed);
 * a known contact's call the contacts whose timeline records it.
 */
export type CallPlan = {
  rings: PlannedRing[];
  onNoAnswer: NoAnswerOutcome;
  notifyStaffIds?: string[];
  logContactIds?: string[];
};

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

/** How long Kamailio waits for the voicemail service to answer (it answers at once when it is up). */
export const VOICEMAIL_RING_SECONDS = 30;

/**
 * When the rings are used up: voicemail answers in the box of the number called, and if the voicemail
 * service cannot take the call the fail-safe number rings instead (else the call is missed); without
 * voicemail the fail-safe number rings once.
 */
export function tailRings(outcome: NoAnswerOutcome, boxId: string): PlannedRing[] {
  const failSafe = (number: string, reason: string): PlannedRing => ({
    targets: [{ kind: 'external', number, reason }],
    timeoutSeconds: 60,
    note: 'fail-safe',
  });
  if (outcome.kind === 'external') return [failSafe(outcome.number, outcome.reason)];
  if (outcome.kind !== 'voicemail') return [];
  const voicemail: PlannedRing = {
    targets: [{ kind: 'voicemail', boxId, reason: outcome.reason }],
    timeoutSeconds: VOICEMAIL_RING_SECONDS,
    note: 'voicemail',
  };
  return outcome.failSafeNumber
    ? [voicemail, failSafe(outcome.failSafeNumber, 'voicemail unavailable: fail-safe number')]
    : [voicemail];
}
