import type { StaffView } from '../../../common/api/staff';
import type { StandardNumber } from '../../../common/domain/virtual-number';
import { FieldError } from '../../../components/ui/field-error';
import { SegmentedChoice } from '../../../components/ui/segmented-choice';
import { SettingsSection } from '../settings-form/settings-section';
import { AlternativeEditor } from './alternative-editor';
import { setRouting, type NumberForm, type RoutingDraft } from './number-form';
import { PercentageEditor } from './percentage-editor';
import { convertRule, type RuleKind } from './routing-draft';
import { TimeEditor } from './time-editor';
import { VoicemailFields } from './voicemail-fields';

const ruleKinds: { value: RuleKind; label: string }[] = [
  { value: 'alternative', label: 'Alternative' },
  { value: 'percentage', label: 'Percentage' },
  { value: 'time', label: 'Time' },
];

type Props = { number: StandardNumber; staff: readonly StaffView[]; form: NumberForm; routing: RoutingDraft };

/** Voicemail, the routing rule with its destinations, and the no-answer fail-safe number. */
export function RoutingSection({ number, staff, form, routing }: Props) {
  const error = form.error;
  const voicemailOn = routing.voicemail.enabled;
  const editorProps = { staff, voicemailOn, error };
  const set = (patch: Partial<RoutingDraft>) => setRouting(form, patch);
  const summary = `${ruleKinds.find((k) => k.value === routing.rule.kind)?.label} routing${voicemailOn ? ' · voicemail on' : ''}`;

  return (
    <SettingsSection id="routing-title" title="Routing settings" summary={summary} defaultOpen>
      <VoicemailFields value={routing.voicemail} onChange={(voicemail) => set({ voicemail })} error={error} />
      <fieldset>
        <legend>Routing rule</legend>
        <SegmentedChoice
          label="Routing rule"
          value={routing.rule.kind}
          options={ruleKinds}
          onChange={(kind) =>
            set({
              rule: convertRule(
                routing.rule,
                kind,
                staff.map((s) => s.id),
              ),
            })
          }
        />
        {routing.rule.kind === 'alternative' && (
          <AlternativeEditor rule={routing.rule} onChange={(rule) => set({ rule })} {...editorProps} />
        )}
        {routing.rule.kind === 'percentage' && (
          <PercentageEditor rule={routing.rule} onChange={(rule) => set({ rule })} {...editorProps} />
        )}
        {routing.rule.kind === 'time' && (
          <TimeEditor
            rule={routing.rule}
            timeZone={number.timeZone}
            onChange={(rule) => set({ rule })}
            {...editorProps}
          />
        )}
      </fieldset>
      <fieldset>
        <legend>When nobody answers</legend>
        <p className="muted">
          {voicemailOn
            ? 'The caller leaves a voicemail.'
            : 'The call goes to the fail-safe number if one is set, else it is missed.'}
        </p>
        <label>
          Fail-safe number
          <input
            value={routing.failSafe}
            placeholder="optional, e.g. +44 20 7946 0999"
            onChange={(e) => set({ failSafe: e.target.value })}
          />
          <FieldError error={error} path={['noAnswer']} />
        </label>
      </fieldset>
    </SettingsSection>
  );
}
