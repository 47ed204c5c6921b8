import type { RouteDecision } from '../../common/domain/route-decision';
import { planCompanyNumber } from './company-number';
import { planMainNumber } from './main-number';
import type { NumberPlan } from './plan';
import { createRouteContext, type RouteContext } from './route-context';
import type { RouteInput } from './route-input';
import { planStandardNumber } from './standard-number';
import { summarise } from './summary';

function planNumber(input: RouteInput, ctx: RouteContext): NumberPlan {
  const { number } = input;
  switch (number.kind) {
    case 'standard':
      return planStandardNumber(number, ctx);
    case 'company':
      return planCompanyNumber(number, ctx);
    case 'main':
      return planMainNumber(number, ctx);
  }
}

/**
 * Decides where an inbound call to a virtual number rings, and explains why. Pure: the clock, presence,
 * bindings and rotation state all come in `input`; the next rotation state goes out in the decision.
 */
export function decideRoute(input: RouteInput): RouteDecision {
  const ctx = createRouteContext(input);
  const plan = planNumber(input, ctx);
  const nextRotation = {
    ...(ctx.rotation.weighted ? { weighted: ctx.rotation.weighted } : {}),
    roundRobin: ctx.rotation.roundRobin,
  };
  if (plan.refuse) {
    return {
      kind: 'refuse',
      refuseReason: plan.refuse.reason,
      steps: [],
      onNoAnswer: plan.onNoAnswer,
      skipped: [],
      logContactIds: [],
      notifyStaffIds: [],
      summary: `Refused: ${plan.refuse.why}.`,
      nextRotation,
    };
  }
  return {
    kind: 'ring',
    steps: plan.steps,
    onNoAnswer: plan.onNoAnswer,
    skipped: ctx.skipped,
    logContactIds: plan.logContactIds ?? [],
    notifyStaffIds: plan.notifyStaffIds ?? [],
    summary: summarise(plan.headline, plan.steps, plan.onNoAnswer, ctx),
    nextRotation,
  };
}
