import type { StaffView } from '../../../common/api/staff';
import { dialPatterns, type DialPattern, type Destination } from '../../../common/domain/destination';
import { FieldError } from '../../../components/ui/field-error';
import { ExactFieldError } from '../../../components/ui/exact-field-error';
import { dialPatternLabels } from './format';
import { SelectField } from './select-field';
import { StaffChecklist, StaffSelect } from './staff-checklist';

type Kind = Destination['kind'];
const kindLabels: Record<Kind, string> = {
  staff: 'Staff member',
  external: 'External number',
  group: 'Group of staff',
  voicemail: 'Voicemail',
};

type Props = {
  value: Destination;
  onChange: (d: Destination) => void;
  staff: readonly StaffView[];
  /** Voicemail is a destination only while the number's voicemail is on. */
  voicemailOn: boolean;
  /** Where the server's errors for this destination point: ['rule', 'destinations', 0, 'destination']. */
  path: (string | number)[];
  error: unknown;
};

function blank(kind: Kind, staff: readonly StaffView[]): Destination {
  const first = staff[0]?.id ?? '';
  switch (kind) {
    case 'staff':
      return { kind, staffId: first };
    case 'external':
      return { kind, number: '' };
    case 'group':
      return { kind, staffIds: first ? [first] : [], pattern: 'simultaneous' };
    case 'voicemail':
      return { kind };
  }
}

const optionalNumber = (text: string) => (text.trim() === '' ? undefined : Number(text));

/** Who a call goes to: a staff member, an external number (with extension and delay), a group with its dial pattern, or voicemail. */
export function DestinationEditor({ value, onChange, staff, voicemailOn, path, error }: Props) {
  const kinds = (Object.keys(kindLabels) as Kind[]).filter(
    (k) => k !== 'voicemail' || voicemailOn || value.kind === 'voicemail',
  );
  return (
    <div className="destination-editor">
      <SelectField
        label="Destination type"
        value={value.kind}
        onChange={(kind) => onChange(blank(kind as Kind, staff))}
      >
        {kinds.map((k) => (
          <option key={k} value={k}>
            {kindLabels[k]}
          </option>
        ))}
      </SelectField>
      <ExactFieldError error={error} path={path} />
      {value.kind === 'staff' && (
        <>
          <StaffSelect
            label="Staff member"
            staff={staff}
            value={value.staffId}
            onChange={(staffId) => onChange({ ...value, staffId })}
          />
          <FieldError error={error} path={[...path, 'staffId']} />
        </>
      )}
      {value.kind === 'external' && (
        <div className="row">
          <label>
            External number
            <input
              value={value.number}
              placeholder="+44 20 7946 0958"
              onChange={(e) => onChange({ ...value, number: e.target.value })}
            />
            <FieldError error={error} path={[...path, 'number']} />
          </label>
          <label>
            Dial extension
            <input
              value={value.dialExtension ?? ''}
              placeholder="optional"
              onChange={(e) =>
                onChange({ ...value, dialExtension: e.target.value.trim() === '' ? undefined : e.target.value.trim() })
              }
            />
            <FieldError error={error} path={[...path, 'dialExtension']} />
          </label>
          <label>
            Delay before the extension (s)
            <input
              type="number"
              min={0}
              max={60}
              value={value.dialDelaySeconds ?? ''}
              onChange={(e) => onChange({ ...value, dialDelaySeconds: optionalNumber(e.target.value) })}
            />
            <FieldError error={error} path={[...path, 'dialDelaySeconds']} />
          </label>
        </div>
      )}
      {value.kind === 'group' && (
        <>
          <StaffChecklist
            label="Group members"
            staff={staff}
            selected={value.staffIds}
            onChange={(staffIds) => onChange({ ...value, staffIds })}
          />
          <FieldError error={error} path={[...path, 'staffIds']} />
          <SelectField
            label="Dial pattern"
            value={value.pattern}
            onChange={(pattern) => onChange({ ...value, pattern: pattern as DialPattern })}
            after={<FieldError error={error} path={[...path, 'pattern']} />}
          >
            {dialPatterns.map((p) => (
              <option key={p} value={p}>
                {dialPatternLabels[p]}
              </option>
            ))}
          </SelectField>
          {value.pattern === 'simultaneous' && (
            <p className="muted">All members ring at once; the ring timeout applies to the whole group.</p>
          )}
        </>
      )}
      {value.kind === 'voicemail' && (
        <p className="muted">The caller hears the voicemail greeting and leaves a message.</p>
      )}
    </div>
  );
}
