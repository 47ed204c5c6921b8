import type { DryRunResponse } from '../../../common/api/routing';
import type { RingStep, RingTarget } from '../../../common/domain/route-decision';
import { formatDateTime } from '../../../common/format';
import { useFormats } from '../../../components/format';
import type { StaffNames } from './format';

function targetName(target: RingTarget, nameOf: StaffNames, phone: (n: string) => string): string {
  if (target.kind === 'staff') return nameOf(target.staffId);
  const ext = target.dialExtension
    ? ` ext. ${target.dialExtension}${target.dialDelaySeconds ? ` after ${target.dialDelaySeconds} s` : ''}`
    : '';
  return `${phone(target.number)}${ext}`;
}

function stepHeading(step: RingStep, index: number): string {
  if (step.targets.length === 1) return `Step ${index + 1}: ring for ${step.ringTimeoutSeconds} s`;
  return step.mode === 'simultaneous'
    ? `Step ${index + 1}: ring all ${step.targets.length} at once for ${step.ringTimeoutSeconds} s`
    : `Step ${index + 1}: ring in turn, ${step.ringTimeoutSeconds} s each`;
}

/** The engine's decision in words: who rings in which order, for how long and why, and what happens if nobody answers. */
export function DryRunResult({
  result,
  nameOf,
  timeZone,
}: {
  result: DryRunResponse;
  nameOf: StaffNames;
  timeZone: string;
}) {
  const { decision } = result;
  const { settings, phone } = useFormats();
  const at = Date.parse(result.at);
  return (
    <div className="dry-run-result" aria-label="Routing decision" role="region">
      <p>
        <strong>{decision.summary}</strong>
      </p>
      <p className="muted">
        Call from {phone(result.caller)} at {formatDateTime(at, { locale: settings.locale, timeZone })} (
        {timeZone.replace(/_/g, ' ')} time)
      </p>
      {decision.kind === 'refuse' && <p className="error">The call is refused ({decision.refuseReason}).</p>}
      {decision.steps.length > 0 && (
        <ol className="ring-steps">
          {decision.steps.map((step, index) => (
            <li key={index} data-step={index + 1}>
              <span className="step-heading">{stepHeading(step, index)}</span>
              <ul>
                {step.targets.map((target, t) => (
                  <li key={t}>
                    <strong>{targetName(target, nameOf, phone)}</strong>{' '}
                    <span className="reason">— {target.reason}</span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
      {decision.steps.length === 0 && decision.kind === 'ring' && <p>Nobody can be rung.</p>}
      <p className="no-answer">
        <strong>If nobody answers:</strong>{' '}
        {decision.onNoAnswer.kind === 'external'
          ? `${phone(decision.onNoAnswer.number)} (${decision.onNoAnswer.reason})`
          : decision.onNoAnswer.reason}
      </p>
      {decision.skipped.length > 0 && (
        <div>
          <strong>Left out:</strong>
          <ul className="skipped">
            {decision.skipped.map((s) => (
              <li key={s.staffId}>
                {nameOf(s.staffId)} <span className="reason">— {s.reason}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
