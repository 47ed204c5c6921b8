import type { RingStep } from '../../common/domain/route-decision';
import type { StandardNumber } from '../../common/domain/virtual-number';
import { noAnswerOutcome } from './no-answer';
import type { NumberPlan } from './plan';
import type { RouteContext } from './route-context';
import { planRule } from './rule-plan';
import { bindingReason, findLiveBinding } from './sticky';
import { DEFAULT_RING_TIMEOUT_SECONDS, type Destination } from '../../common/domain/destination';

/** Later steps without the agent already rung first; steps left empty are dropped. */
function without(staffId: string, steps: RingStep[]): RingStep[] {
  return steps
    .map((step) => ({
      ...step,
      targets: step.targets.filter((target) => target.kind !== 'staff' || target.staffId !== staffId),
    }))
    .filter((step) => step.targets.length > 0);
}

/**
 * How long the bound agent rings: the ring timeout the admin gave the destination that holds them (the agent,
 * or a group with them in it), else that of the rule's first destination.
 */
export function boundRingTimeout(rule: StandardNumber['routing']['rule'], staffId: string): number {
  const entries =
    rule.kind === 'time'
      ? [...rule.windows, rule.fallback]
      : (rule.destinations as { destination: Destination; ringTimeoutSeconds: number }[]);
  const holds = (d: Destination) =>
    (d.kind === 'staff' && d.staffId === staffId) || (d.kind === 'group' && d.staffIds.includes(staffId));
  return (entries.find((e) => holds(e.destination)) ?? entries[0])?.ringTimeoutSeconds ?? DEFAULT_RING_TIMEOUT_SECONDS;
}

/**
 * A standard number: a live sticky or engagement binding rings the bound agent first; otherwise (or as
 * fallback, when the toggle is on) the routing rule decides.
 */
export function planStandardNumber(number: StandardNumber, ctx: RouteContext): NumberPlan {
  const { routing } = number;
  const live = findLiveBinding(number, ctx.input.call.caller, ctx.input.bindings, ctx.input.now);
  if (!live) {
    const plan = planRule(routing.rule, number.timeZone, ctx);
    return { headline: plan.headline, steps: plan.steps, onNoAnswer: noAnswerOutcome(routing, plan.reachedVoicemail) };
  }

  const { staffId } = live.binding;
  const reason = bindingReason(live, ctx.input.now, number.timeZone);
  const kindLabel = live.binding.kind === 'sticky' ? 'Sticky routing' : 'Engagement';
  const boundStep: RingStep[] = ctx.available(staffId)
    ? [
        {
          targets: [{ kind: 'staff', staffId, reason }],
          mode: 'simultaneous',
          ringTimeoutSeconds: boundRingTimeout(routing.rule, staffId),
        },
      ]
    : [];
  if (!live.settings.fallbackToDestinations) {
    const headline =
      boundStep.length > 0
        ? `${kindLabel} to ${ctx.name(staffId)}`
        : `${kindLabel}: ${ctx.name(staffId)} is unavailable and fallback is off`;
    return { headline, steps: boundStep, onNoAnswer: noAnswerOutcome(routing, false) };
  }
  const plan = planRule(routing.rule, number.timeZone, ctx);
  const headline =
    boundStep.length > 0
      ? `${kindLabel} to ${ctx.name(staffId)}, then ${plan.headline.toLowerCase()}`
      : `${kindLabel}: ${ctx.name(staffId)} is unavailable, falling back to destinations (${plan.headline.toLowerCase()})`;
  return {
    headline,
    steps: [...boundStep, ...without(staffId, plan.steps)],
    onNoAnswer: noAnswerOutcome(routing, plan.reachedVoicemail),
  };
}
