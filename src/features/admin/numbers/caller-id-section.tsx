import type { StaffView } from '../../../common/api/staff';
import type { CallerIdAllowlist } from '../../../common/domain/caller-id-allowlist';
import type { StandardNumber } from '../../../common/domain/virtual-number';
import { FieldError } from '../../../components/ui/field-error';
import { ToggleSwitch } from '../../../components/ui/toggle-switch';
import { useSaveRouting } from './numbers-api';
import { ConfirmedSaveBar } from '../../../components/ui/confirmed-save-bar';
import { StaffChecklist } from './staff-checklist';
import { useDraft } from './use-draft';

/** Who may present this number as caller ID on outbound calls: destination staff, listed staff, or all staff. */
export function CallerIdSection({ number, staff }: { number: StandardNumber; staff: readonly StaffView[] }) {
  const { draft, setDraft, dirty, discard } = useDraft<CallerIdAllowlist>(number.routing.callerIds);
  const save = useSaveRouting(number.id);
  const error = save.error;
  const submit = () => save.mutate({ ...number.routing, callerIds: draft }, { onSuccess: (view) => view.kind === 'standard' && setDraft(view.routing.callerIds) });

  return (
    <section className="panel number-section" aria-labelledby="caller-id-title">
      <h3 id="caller-id-title">Caller ID</h3>
      <p className="muted">Staff allowed here can show this number when they call customers; the server refuses anyone else.</p>
      <ToggleSwitch
        label="Let destination staff use this number as caller ID"
        checked={draft.destinationStaff}
        onChange={(destinationStaff) => setDraft({ ...draft, destinationStaff })}
      />
      <FieldError error={error} path={['callerIds', 'destinationStaff']} />
      <label className="inline">
        <input type="checkbox" checked={draft.allStaff} onChange={(e) => setDraft({ ...draft, allStaff: e.target.checked })} />
        All Staff
      </label>
      <StaffChecklist
        label="Staff who may use this number as caller ID"
        staff={staff}
        selected={draft.allStaff ? staff.map((s) => s.id) : draft.staffIds}
        disabled={draft.allStaff}
        onChange={(staffIds) => setDraft({ ...draft, staffIds })}
      />
      <FieldError error={error} path={['callerIds', 'staffIds']} />
      <ConfirmedSaveBar
        what="caller ID settings"
        description="The new caller ID settings apply to the next call to this number."
        dirty={dirty}
        pending={save.isPending}
        saved={save.isSuccess}
        error={error}
        shown={[['callerIds']]}
        onSave={submit}
        onDiscard={() => {
          discard();
          save.reset();
        }}
      />
    </section>
  );
}
