import type { StaffView } from '../../../common/api/staff';
import type { StandardNumber } from '../../../common/domain/virtual-number';
import { FieldError } from '../../../components/ui/field-error';
import { SegmentedChoice } from '../../../components/ui/segmented-choice';
import { AlternativeEditor } from './alternative-editor';
import { useSaveRouting } from './numbers-api';
import { PercentageEditor } from './percentage-editor';
import { convertRule, type RuleKind } from './routing-draft';
import { ConfirmedSaveBar } from '../../../components/ui/confirmed-save-bar';
import { TimeEditor } from './time-editor';
import { useDraft } from './use-draft';
import { VoicemailFields } from './voicemail-fields';

const ruleKinds: { value: RuleKind; label: string }[] = [
  { value: 'alternative', label: 'Alternative' },
  { value: 'percentage', label: 'Percentage' },
  { value: 'time', label: 'Time' },
];

/** Voicemail, the routing rule with its destinations, and the no-answer fail-safe number. */
export function RoutingSection({ number, staff }: { number: StandardNumber; staff: readonly StaffView[] }) {
  const { routing } = number;
  const saved = { rule: routing.rule, voicemail: routing.voicemail, failSafe: routing.noAnswer.failSafeNumber ?? '' };
  const { draft, setDraft, dirty, discard } = useDraft(saved);
  const save = useSaveRouting(number.id);
  const error = save.error;
  const voicemailOn = draft.voicemail.enabled;
  const editorProps = { staff, voicemailOn, error };

  const submit = () =>
    save.mutate(
      { ...routing, rule: draft.rule, voicemail: draft.voicemail, noAnswer: { failSafeNumber: draft.failSafe.trim() === '' ? null : draft.failSafe } },
      { onSuccess: (view) => view.kind === 'standard' && setDraft({ rule: view.routing.rule, voicemail: view.routing.voicemail, failSafe: view.routing.noAnswer.failSafeNumber ?? '' }) },
    );

  return (
    <section className="panel number-section" aria-labelledby="routing-title">
      <h3 id="routing-title">Routing settings</h3>
      <VoicemailFields value={draft.voicemail} onChange={(voicemail) => setDraft({ ...draft, voicemail })} error={error} />
      <fieldset>
        <legend>Routing rule</legend>
        <SegmentedChoice label="Routing rule" value={draft.rule.kind} options={ruleKinds} onChange={(kind) => setDraft({ ...draft, rule: convertRule(draft.rule, kind, staff.map((s) => s.id)) })} />
        {draft.rule.kind === 'alternative' && <AlternativeEditor rule={draft.rule} onChange={(rule) => setDraft({ ...draft, rule })} {...editorProps} />}
        {draft.rule.kind === 'percentage' && <PercentageEditor rule={draft.rule} onChange={(rule) => setDraft({ ...draft, rule })} {...editorProps} />}
        {draft.rule.kind === 'time' && <TimeEditor rule={draft.rule} timeZone={number.timeZone} onChange={(rule) => setDraft({ ...draft, rule })} {...editorProps} />}
      </fieldset>
      <fieldset>
        <legend>When nobody answers</legend>
        <p className="muted">{voicemailOn ? 'The caller leaves a voicemail.' : 'The call goes to the fail-safe number if one is set, else it is missed.'}</p>
        <label>
          Fail-safe number
          <input value={draft.failSafe} placeholder="optional, e.g. +44 20 7946 0999" onChange={(e) => setDraft({ ...draft, failSafe: e.target.value })} />
          <FieldError error={error} path={['noAnswer']} />
        </label>
      </fieldset>
      <ConfirmedSaveBar
        what="routing settings"
        description="The new routing settings apply to the next call to this number."
        dirty={dirty}
        pending={save.isPending}
        saved={save.isSuccess}
        error={error}
        shown={[['rule'], ['voicemail'], ['noAnswer']]}
        onSave={submit}
        onDiscard={() => {
          discard();
          save.reset();
        }}
      />
    </section>
  );
}
