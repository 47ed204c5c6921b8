import type { StaffView } from '../../../common/api/staff';
import { DEFAULT_RING_TIMEOUT_SECONDS } from '../../../common/domain/destination';
import type { PercentageRule } from '../../../common/domain/routing-rule';
import { Button } from '../../../components/ui/button';
import { FieldError } from '../../../components/ui/field-error';
import { DestinationEditor } from './destination-editor';
import { ExactFieldError } from '../../../components/ui/exact-field-error';
import { RingTimeoutField } from './ring-timeout-field';
import { firstStaffDestination, weightsTotal } from './routing-draft';

type Props = {
  rule: PercentageRule;
  onChange: (rule: PercentageRule) => void;
  staff: readonly StaffView[];
  voicemailOn: boolean;
  error: unknown;
};

const listPath = ['rule', 'destinations'];

/** Each call goes to one destination; over many calls the split follows the weights, which add up to 100. */
export function PercentageEditor({ rule, onChange, staff, voicemailOn, error }: Props) {
  const entries = rule.destinations;
  const total = weightsTotal(entries);
  const set = (destinations: PercentageRule['destinations']) => onChange({ ...rule, destinations });
  const update = (index: number, patch: Partial<PercentageRule['destinations'][number]>) =>
    set(entries.map((entry, i) => (i === index ? { ...entry, ...patch } : entry)));
  const add = () =>
    set([
      ...entries,
      {
        destination: firstStaffDestination(staff.map((s) => s.id)),
        ringTimeoutSeconds: DEFAULT_RING_TIMEOUT_SECONDS,
        weight: Math.max(1, 100 - total),
      },
    ]);

  return (
    <div className="rule-editor">
      <p className="muted">Each call goes to one destination; over many calls the split matches the weights.</p>
      <ExactFieldError error={error} path={listPath} />
      <ol className="destination-list">
        {entries.map((entry, index) => (
          <li key={index} className="destination-row">
            <fieldset>
              <legend>Destination {index + 1}</legend>
              <DestinationEditor
                value={entry.destination}
                onChange={(destination) => update(index, { destination })}
                staff={staff}
                voicemailOn={voicemailOn}
                path={[...listPath, index, 'destination']}
                error={error}
              />
              <div className="row">
                <label>
                  Weight (%)
                  <input
                    type="number"
                    min={1}
                    max={100}
                    value={Number.isFinite(entry.weight) ? entry.weight : ''}
                    onChange={(e) =>
                      update(index, { weight: e.target.value === '' ? Number.NaN : Number(e.target.value) })
                    }
                  />
                  <FieldError error={error} path={[...listPath, index, 'weight']} />
                </label>
                <RingTimeoutField
                  value={entry.ringTimeoutSeconds}
                  onChange={(ringTimeoutSeconds) => update(index, { ringTimeoutSeconds })}
                  error={error}
                  path={[...listPath, index]}
                />
              </div>
              <Button
                tone="danger"
                onClick={() => set(entries.filter((_, i) => i !== index))}
                disabled={entries.length === 1}
              >
                Remove
              </Button>
            </fieldset>
          </li>
        ))}
      </ol>
      <div className="row">
        <Button onClick={add} disabled={voicemailOn && entries.length >= 1}>
          Add destination
        </Button>
        <output className={`weights-total${total === 100 ? '' : ' off'}`} aria-label="Total of the weights">
          Total: {total}%{total === 100 ? '' : ' (must be 100%)'}
        </output>
      </div>
    </div>
  );
}
