import type { NoAnswerOutcome, RefuseReason, RingStep } from '../../common/domain/route-decision';

/** What a number-kind planner hands back to `decideRoute`, which adds the summary, skips and rotation. */
export interface NumberPlan {
  refuse?: { reason: RefuseReason; why: string };
  headline: string;
  steps: RingStep[];
  onNoAnswer: NoAnswerOutcome;
  logContactIds?: string[];
  notifyStaffIds?: string[];
}

export function refusal(reason: RefuseReason, why: string): NumberPlan {
  return {
    refuse: { reason, why },
    headline: why,
    steps: [],
    onNoAnswer: { kind: 'missed', reason: `refused: ${why}` },
  };
}
