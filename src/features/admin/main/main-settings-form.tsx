import type { StaffView } from '../../../common/api/staff';
import type { MainNumberState } from '../../../common/domain/main-number';
import { FieldError } from '../../../components/ui/field-error';
import { SegmentedChoice } from '../../../components/ui/segmented-choice';
import { SettingsSection } from '../settings-form/settings-section';
import { BranchEditor } from './branch-editor';
import type { MainPageForm } from './main-page-form';

const stateOptions: { value: MainNumberState; label: string }[] = [
  { value: 'reserved', label: 'Reserved' },
  { value: 'active', label: 'Active' },
];

/** The main number's state and its in-hours and out-of-hours call handling. */
export function MainSettingsForm({ form, staff }: { form: MainPageForm; staff: readonly StaffView[] }) {
  const draft = form.draft.main;
  const set = (patch: Partial<typeof draft>) => form.setDraft((d) => ({ ...d, main: { ...d.main, ...patch } }));
  return (
    <section className="admin-page" aria-label="Main number call handling">
      <SettingsSection
        id="main-state-title"
        title="State"
        summary={draft.state === 'active' ? 'Active' : 'Reserved'}
        defaultOpen
      >
        <SegmentedChoice
          label="Main number state"
          value={draft.state}
          options={stateOptions}
          onChange={(state) => set({ state })}
        />
        <p className="muted">
          {draft.state === 'reserved'
            ? 'Reserved: calls to the main number are not accepted.'
            : 'Active: calls are answered as set out below.'}
        </p>
        <FieldError error={form.error} path={['state']} />
      </SettingsSection>
      <BranchEditor
        title="In hours"
        branch={draft.inHours}
        onChange={(inHours) => set({ inHours })}
        staff={staff}
        error={form.error}
        path="inHours"
      />
      <BranchEditor
        title="Out of hours"
        branch={draft.outOfHours}
        onChange={(outOfHours) => set({ outOfHours })}
        staff={staff}
        error={form.error}
        path="outOfHours"
      />
    </section>
  );
}
