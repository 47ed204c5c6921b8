import type { MainSettingsInput } from '../../../common/api/numbers';
import type { StaffView } from '../../../common/api/staff';
import type { MainNumberState } from '../../../common/domain/main-number';
import { ConfirmedSaveBar } from '../../../components/ui/confirmed-save-bar';
import { FieldError } from '../../../components/ui/field-error';
import { SegmentedChoice } from '../../../components/ui/segmented-choice';
import { DateTime } from '../../../components/format';
import { useDraft } from '../company/use-draft';
import { BranchEditor } from './branch-editor';
import { useSaveMainSettings, type MainNumberView } from './main-api';

const stateOptions: { value: MainNumberState; label: string }[] = [
  { value: 'reserved', label: 'Reserved' },
  { value: 'active', label: 'Active' },
];

const settingsOf = ({ state, inHours, outOfHours }: MainNumberView['main']): MainSettingsInput => ({ state, inHours, outOfHours });

/** The main number's state and its in-hours and out-of-hours call handling, saved together after confirmation. */
export function MainSettingsForm({ number, staff }: { number: MainNumberView; staff: readonly StaffView[] }) {
  const { draft, setDraft, dirty, discard } = useDraft<MainSettingsInput>(settingsOf(number.main));
  const save = useSaveMainSettings(number.id);
  const submit = () => save.mutate(draft, { onSuccess: (view) => view.kind === 'main' && setDraft(settingsOf(view.main)) });

  return (
    <section className="admin-page" aria-label="Main number call handling">
      <section className="panel number-section" aria-labelledby="main-state-title">
        <h3 id="main-state-title">State</h3>
        <SegmentedChoice label="Main number state" value={draft.state} options={stateOptions} onChange={(state) => setDraft({ ...draft, state })} />
        <p className="muted">{draft.state === 'reserved' ? 'Reserved: calls to the main number are not accepted.' : 'Active: calls are answered as set out below.'}</p>
        <FieldError error={save.error} path={['state']} />
      </section>
      <BranchEditor title="In hours" branch={draft.inHours} onChange={(inHours) => setDraft({ ...draft, inHours })} staff={staff} error={save.error} path="inHours" />
      <BranchEditor title="Out of hours" branch={draft.outOfHours} onChange={(outOfHours) => setDraft({ ...draft, outOfHours })} staff={staff} error={save.error} path="outOfHours" />
      <div className="panel">
        <p className="muted">
          Last updated <DateTime at={number.updatedAt} /> by {number.updatedBy}
        </p>
        <ConfirmedSaveBar
          what="main number settings"
          description="Calls to the main number follow the new settings from the next call."
          dirty={dirty}
          pending={save.isPending}
          saved={save.isSuccess}
          error={save.error}
          shown={[['state'], ['inHours'], ['outOfHours']]}
          onSave={submit}
          onDiscard={() => {
            discard();
            save.reset();
          }}
        />
      </div>
    </section>
  );
}
