import type { StaffView } from '../../../common/api/staff';
import { DEFAULT_RING_TIMEOUT_SECONDS } from '../../../common/domain/destination';
import type { TimeRule, TimeWindow } from '../../../common/domain/routing-rule';
import { Button } from '../../../components/ui/button';
import { DestinationEditor } from './destination-editor';
import { ExactFieldError } from '../../../components/ui/exact-field-error';
import { RingTimeoutField } from './ring-timeout-field';
import { firstStaffDestination } from './routing-draft';
import { TimeWindowEditor } from './time-window-editor';

type Props = {
  rule: TimeRule;
  timeZone: string;
  onChange: (rule: TimeRule) => void;
  staff: readonly StaffView[];
  voicemailOn: boolean;
  error: unknown;
};

const MAX_WINDOWS = 20;

/** Weekly windows in the number's time zone, each with a destination; outside every window, the fallback. */
export function TimeEditor({ rule, timeZone, onChange, staff, voicemailOn, error }: Props) {
  const set = (windows: TimeWindow[]) => onChange({ ...rule, windows });
  const add = () =>
    set([
      ...rule.windows,
      {
        days: ['sat', 'sun'],
        start: '10:00',
        end: '14:00',
        destination: firstStaffDestination(staff.map((s) => s.id)),
        ringTimeoutSeconds: DEFAULT_RING_TIMEOUT_SECONDS,
      },
    ]);
  return (
    <div className="rule-editor">
      <p className="muted">Times are in the number's time zone, {timeZone}. Windows must not overlap.</p>
      <ExactFieldError error={error} path={['rule', 'windows']} />
      <ol className="destination-list">
        {rule.windows.map((w, index) => (
          <li key={index} className="destination-row">
            <fieldset>
              <legend>Window {index + 1}</legend>
              <TimeWindowEditor
                window={w}
                onChange={(next) => set(rule.windows.map((old, i) => (i === index ? next : old)))}
                staff={staff}
                voicemailOn={voicemailOn}
                path={['rule', 'windows', index]}
                error={error}
              />
              <Button
                tone="danger"
                onClick={() => set(rule.windows.filter((_, i) => i !== index))}
                disabled={rule.windows.length === 1}
              >
                Remove window
              </Button>
            </fieldset>
          </li>
        ))}
      </ol>
      <Button onClick={add} disabled={rule.windows.length >= MAX_WINDOWS}>
        Add window
      </Button>
      <fieldset>
        <legend>Outside these windows</legend>
        <DestinationEditor
          value={rule.fallback.destination}
          onChange={(destination) => onChange({ ...rule, fallback: { ...rule.fallback, destination } })}
          staff={staff}
          voicemailOn={voicemailOn}
          path={['rule', 'fallback', 'destination']}
          error={error}
        />
        <RingTimeoutField
          value={rule.fallback.ringTimeoutSeconds ?? DEFAULT_RING_TIMEOUT_SECONDS}
          onChange={(ringTimeoutSeconds) => onChange({ ...rule, fallback: { ...rule.fallback, ringTimeoutSeconds } })}
          error={error}
          path={['rule', 'fallback']}
        />
      </fieldset>
    </div>
  );
}
