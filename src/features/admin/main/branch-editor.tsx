import type { StaffView } from '../../../common/api/staff';
import type { MainNumberBranch, MainNumberFollowUp } from '../../../common/domain/main-number';
import { FieldError } from '../../../components/ui/field-error';
import { SegmentedChoice } from '../../../components/ui/segmented-choice';
import { SecondsField } from '../company/seconds-field';
import { SettingsSection } from '../settings-form/settings-section';
import { StaffChecklist, StaffSelect } from '../staff/staff-pickers';

type Kind = MainNumberFollowUp['kind'];
const options: { value: Kind; label: string }[] = [
  { value: 'main-reception', label: 'Main reception' },
  { value: 'voicemail', label: 'Voicemail' },
  { value: 'end', label: 'End the call' },
];

const followUpOf = (kind: Kind): MainNumberFollowUp =>
  kind === 'main-reception' ? { kind, staffId: '', greeting: '', ringSeconds: 30 } : { kind };

type Props = {
  title: string;
  branch: MainNumberBranch;
  onChange: (b: MainNumberBranch) => void;
  staff: readonly StaffView[];
  error: unknown;
  path: string;
};

/** One branch of the main number: the hunt group rung together, then reception, voicemail or the end. */
export function BranchEditor({ title, branch, onChange, staff, error, path }: Props) {
  const { huntGroup, then } = branch;
  const next = options.find((o) => o.value === then.kind)?.label.toLowerCase();
  const summary = `${huntGroup.staffIds.length} in the hunt group for ${huntGroup.ringSeconds} s, then ${next}`;
  return (
    <SettingsSection id={`${path}-title`} title={title} summary={summary} defaultOpen>
      <StaffChecklist
        label="Hunt group (rung simultaneously)"
        staff={staff}
        selected={huntGroup.staffIds}
        onChange={(staffIds) => onChange({ ...branch, huntGroup: { ...huntGroup, staffIds } })}
        error={error}
        path={[path, 'huntGroup', 'staffIds']}
      />
      <SecondsField
        label="Hunt group ring time (s)"
        value={huntGroup.ringSeconds}
        onChange={(ringSeconds) => onChange({ ...branch, huntGroup: { ...huntGroup, ringSeconds } })}
        error={error}
        path={[path, 'huntGroup', 'ringSeconds']}
      />
      <p className="choice-label">Then, if nobody in the hunt group answers:</p>
      <SegmentedChoice
        label={`${title}: when nobody answers`}
        value={then.kind}
        options={options}
        onChange={(kind) => kind !== then.kind && onChange({ ...branch, then: followUpOf(kind) })}
      />
      {then.kind === 'main-reception' && (
        <div className="follow-up">
          <StaffSelect
            label="Reception staff member"
            staff={staff}
            value={then.staffId}
            onChange={(staffId) => onChange({ ...branch, then: { ...then, staffId } })}
            error={error}
            path={[path, 'then', 'staffId']}
          />
          <label>
            Greeting shown to whoever answers
            <textarea
              rows={3}
              maxLength={500}
              value={then.greeting}
              onChange={(e) => onChange({ ...branch, then: { ...then, greeting: e.target.value } })}
            />
            <FieldError error={error} path={[path, 'then', 'greeting']} />
          </label>
          <SecondsField
            label="Reception ring time (s)"
            value={then.ringSeconds}
            onChange={(ringSeconds) => onChange({ ...branch, then: { ...then, ringSeconds } })}
            error={error}
            path={[path, 'then', 'ringSeconds']}
          />
        </div>
      )}
      {then.kind === 'voicemail' && (
        <p className="muted">The caller leaves a message in the main number's voicemail box.</p>
      )}
      {then.kind === 'end' && <p className="muted">The call ends.</p>}
      <FieldError error={error} path={[path, 'then', 'kind']} />
    </SettingsSection>
  );
}
