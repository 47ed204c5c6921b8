import type { MainNumberBranch } from '../../common/domain/main-number';
import type { NoAnswerOutcome, RingStep } from '../../common/domain/route-decision';
import type { MainNumber } from '../../common/domain/virtual-number';
import { refusal, type NumberPlan } from './plan';
import type { RouteContext } from './route-context';
import { findActive } from './time-windows';

function followUp(
  branch: MainNumberBranch,
  label: string,
  ctx: RouteContext,
): { steps: RingStep[]; onNoAnswer: NoAnswerOutcome } {
  const then = branch.then;
  switch (then.kind) {
    case 'main-reception': {
      const reason = then.greeting ? `main reception (${label}): ${then.greeting}` : `main reception (${label})`;
      const steps: RingStep[] = ctx.available(then.staffId)
        ? [
            {
              targets: [{ kind: 'staff', staffId: then.staffId, reason }],
              mode: 'simultaneous',
              ringTimeoutSeconds: then.ringSeconds,
            },
          ]
        : [];
      return { steps, onNoAnswer: { kind: 'missed', reason: 'reception did not answer: missed call' } };
    }
    case 'voicemail':
      return {
        steps: [],
        onNoAnswer: { kind: 'voicemail', reason: 'hunt group did not answer: main-number voicemail' },
      };
    case 'end':
      return { steps: [], onNoAnswer: { kind: 'missed', reason: 'hunt group did not answer: call ends' } };
  }
}

/**
 * The main number: refused while reserved; otherwise the in-hours or out-of-hours branch (organisation's
 * business hours, in their time zone) rings its hunt group together, then reception, voicemail or the end.
 */
export function planMainNumber(number: MainNumber, ctx: RouteContext): NumberPlan {
  if (number.main.state === 'reserved')
    return refusal('reserved', 'the main number is reserved and does not take calls yet');
  const hours = ctx.input.org.businessHours;
  const inHours = findActive(hours.windows, (window) => window, ctx.input.now, hours.timeZone) !== undefined;
  const branch = inHours ? number.main.inHours : number.main.outOfHours;
  const label = inHours ? 'in hours' : 'out of hours';
  const members = branch.huntGroup.staffIds.filter((staffId) => ctx.available(staffId));
  const hunt: RingStep[] =
    members.length > 0
      ? [
          {
            targets: members.map((staffId) => ({ kind: 'staff', staffId, reason: `main number hunt group, ${label}` })),
            mode: 'simultaneous',
            ringTimeoutSeconds: branch.huntGroup.ringSeconds,
          },
        ]
      : [];
  const next = followUp(branch, label, ctx);
  return { headline: `Main number, ${label}`, steps: [...hunt, ...next.steps], onNoAnswer: next.onNoAnswer };
}
