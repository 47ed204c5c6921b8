import type { NoAnswerOutcome, RingStep, RingTarget } from '../../common/domain/route-decision';
import type { RouteContext } from './route-context';

function targetLabel(target: RingTarget, ctx: RouteContext): string {
  if (target.kind === 'staff') return ctx.name(target.staffId);
  return target.dialExtension ? `${target.number} ext. ${target.dialExtension}` : target.number;
}

function stepText(step: RingStep, ctx: RouteContext): string {
  const labels = step.targets.map((target) => targetLabel(target, ctx));
  if (labels.length === 1) return `${labels[0]} for ${step.ringTimeoutSeconds}s`;
  if (step.mode === 'simultaneous') return `${labels.join(', ')} together for ${step.ringTimeoutSeconds}s`;
  return `${labels.join(', then ')} in turn, ${step.ringTimeoutSeconds}s each`;
}

function outcomeText(outcome: NoAnswerOutcome): string {
  if (outcome.kind === 'voicemail') return 'voicemail';
  if (outcome.kind === 'external') return `fail-safe ${outcome.number}`;
  return 'missed call';
}

/** "Alternative routing. Rings Ana for 20s; then Ben, then Cy in turn, 15s each. No answer: voicemail. Skipped: Dee is away." */
export function summarise(headline: string, steps: RingStep[], onNoAnswer: NoAnswerOutcome, ctx: RouteContext): string {
  const parts = [`${headline}.`];
  parts.push(
    steps.length > 0 ? `Rings ${steps.map((step) => stepText(step, ctx)).join('; then ')}.` : 'Nobody to ring.',
  );
  parts.push(`${steps.length > 0 ? 'No answer' : 'Goes to'}: ${outcomeText(onNoAnswer)}.`);
  if (ctx.skipped.length > 0) parts.push(`Skipped: ${ctx.skipped.map((entry) => entry.reason).join(', ')}.`);
  return parts.join(' ');
}
