import { useState } from 'react';
import type { StaffView } from '../../../common/api/staff';
import { DEFAULT_RING_TIMEOUT_SECONDS } from '../../../common/domain/destination';
import { MAX_ALTERNATIVE_DESTINATIONS, type AlternativeRule } from '../../../common/domain/routing-rule';
import { Button } from '../../../components/ui/button';
import { DestinationEditor } from './destination-editor';
import { ExactFieldError } from '../../../components/ui/exact-field-error';
import { RingTimeoutField } from './ring-timeout-field';
import { firstStaffDestination, moveItem } from './routing-draft';

type Props = {
  rule: AlternativeRule;
  onChange: (rule: AlternativeRule) => void;
  staff: readonly StaffView[];
  voicemailOn: boolean;
  error: unknown;
};

const listPath = ['rule', 'destinations'];

/**
 * Up to five destinations tried top to bottom. Reorder by dragging a row's handle onto another row, or
 * with Move up / Move down (keyboard users).
 */
export function AlternativeEditor({ rule, onChange, staff, voicemailOn, error }: Props) {
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const entries = rule.destinations;
  const limit = voicemailOn ? 1 : MAX_ALTERNATIVE_DESTINATIONS;
  const set = (destinations: AlternativeRule['destinations']) => onChange({ ...rule, destinations });
  const move = (from: number, to: number) => set(moveItem(entries, from, to));
  const update = (index: number, patch: Partial<AlternativeRule['destinations'][number]>) =>
    set(entries.map((entry, i) => (i === index ? { ...entry, ...patch } : entry)));
  const add = () =>
    set([
      ...entries,
      { destination: firstStaffDestination(staff.map((s) => s.id)), ringTimeoutSeconds: DEFAULT_RING_TIMEOUT_SECONDS },
    ]);
  const drop = (index: number) => {
    if (dragging !== null && dragging !== index) move(dragging, index);
    setDragging(null);
    setOver(null);
  };

  return (
    <div className="rule-editor">
      <p className="muted">
        Tried in order, top first: the next one rings when a destination is unavailable or does not answer in time.
      </p>
      <ExactFieldError error={error} path={listPath} />
      <ol className="destination-list">
        {entries.map((entry, index) => (
          <li
            key={index}
            data-testid="alternative-destination"
            className={`destination-row${over === index ? ' drop-target' : ''}${dragging === index ? ' dragging' : ''}`}
            onDragOver={(e) => {
              e.preventDefault();
              setOver(index);
            }}
            onDragLeave={() => setOver((o) => (o === index ? null : o))}
            onDrop={(e) => {
              e.preventDefault();
              drop(index);
            }}
          >
            <span
              className="drag-handle"
              draggable
              title="Drag to reorder"
              aria-hidden="true"
              onDragStart={(e) => {
                e.dataTransfer.effectAllowed = 'move';
                e.dataTransfer.setData('text/plain', String(index));
                setDragging(index);
              }}
              onDragEnd={() => {
                setDragging(null);
                setOver(null);
              }}
            >
              ⋮⋮
            </span>
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
              <RingTimeoutField
                value={entry.ringTimeoutSeconds}
                onChange={(ringTimeoutSeconds) => update(index, { ringTimeoutSeconds })}
                error={error}
                path={[...listPath, index]}
              />
              <div className="row destination-actions">
                <Button onClick={() => move(index, index - 1)} disabled={index === 0}>
                  Move up
                </Button>
                <Button onClick={() => move(index, index + 1)} disabled={index === entries.length - 1}>
                  Move down
                </Button>
                <Button
                  tone="danger"
                  onClick={() => set(entries.filter((_, i) => i !== index))}
                  disabled={entries.length === 1}
                >
                  Remove
                </Button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <div className="row">
        <Button onClick={add} disabled={entries.length >= limit}>
          Add destination
        </Button>
        <span className="muted">
          {entries.length} of {limit} {voicemailOn ? '(voicemail on: one destination only)' : 'destinations'}
        </span>
      </div>
    </div>
  );
}
