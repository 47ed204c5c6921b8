import type { StaffView } from '../../../common/api/staff';
import type { CallerIdAllowlist } from '../../../common/domain/caller-id-allowlist';
import { FieldError } from '../../../components/ui/field-error';
import { ToggleSwitch } from '../../../components/ui/toggle-switch';
import { SettingsSection } from '../settings-form/settings-section';
import { setRouting, type NumberForm, type RoutingDraft } from './number-form';
import { StaffChecklist } from './staff-checklist';

function summaryOf(ids: CallerIdAllowlist): string {
  if (ids.allStaff) return 'All staff';
  const parts = [
    ids.destinationStaff ? 'destination staff' : '',
    ids.staffIds.length ? `${ids.staffIds.length} listed` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' and ').replace(/^./, (c) => c.toUpperCase()) : 'Nobody';
}

/** Who may present this number as caller ID on outbound calls: destination staff, listed staff, or all staff. */
export function CallerIdSection({
  staff,
  form,
  routing,
}: {
  staff: readonly StaffView[];
  form: NumberForm;
  routing: RoutingDraft;
}) {
  const draft = routing.callerIds;
  const error = form.error;
  const set = (patch: Partial<CallerIdAllowlist>) => setRouting(form, { callerIds: { ...draft, ...patch } });

  return (
    <SettingsSection id="caller-id-title" title="Caller ID" summary={summaryOf(draft)}>
      <p className="muted">
        Staff allowed here can show this number when they call customers; the server refuses anyone else.
      </p>
      <ToggleSwitch
        label="Let destination staff use this number as caller ID"
        checked={draft.destinationStaff}
        onChange={(destinationStaff) => set({ destinationStaff })}
      />
      <FieldError error={error} path={['callerIds', 'destinationStaff']} />
      <label className="inline">
        <input type="checkbox" checked={draft.allStaff} onChange={(e) => set({ allStaff: e.target.checked })} />
        All Staff
      </label>
      <StaffChecklist
        label="Staff who may use this number as caller ID"
        staff={staff}
        selected={draft.allStaff ? staff.map((s) => s.id) : draft.staffIds}
        disabled={draft.allStaff}
        onChange={(staffIds) => set({ staffIds })}
      />
      <FieldError error={error} path={['callerIds', 'staffIds']} />
    </SettingsSection>
  );
}
