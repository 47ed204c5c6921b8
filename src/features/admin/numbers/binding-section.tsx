import type { ReactNode } from 'react';
import type { BindingSettings } from '../../../common/domain/binding-settings';
import { FieldError } from '../../../components/ui/field-error';
import { ToggleSwitch } from '../../../components/ui/toggle-switch';
import { SettingsSection } from '../settings-form/settings-section';
import { setRouting, type NumberForm, type RoutingDraft } from './number-form';

type Props = {
  form: NumberForm;
  routing: RoutingDraft;
  field: 'sticky' | 'engagement';
  title: string;
  /** The main toggle's label. */
  label: string;
  intro: ReactNode;
  /** Why the setting is not offered on this number, if it is not. */
  unavailable?: string;
};

/** Sticky routing and engagement mode: on/off, the binding period in days, and the fallback when the bound agent is away. */
export function BindingSection({ form, routing, field, title, label, intro, unavailable }: Props) {
  const draft = routing[field];
  const error = form.error;
  const set = (patch: Partial<BindingSettings>) => setRouting(form, { [field]: { ...draft, ...patch } });
  const summary =
    unavailable && !draft.enabled
      ? 'Not available'
      : draft.enabled
        ? `On · ${Number.isFinite(draft.bindingDays) ? draft.bindingDays : '?'} days`
        : 'Off';

  return (
    <SettingsSection id={`${field}-title`} title={title} summary={summary}>
      <p className="muted">{intro}</p>
      {unavailable && (
        <p className="notice" role="note">
          {unavailable}
        </p>
      )}
      <ToggleSwitch
        label={label}
        checked={draft.enabled}
        disabled={Boolean(unavailable) && !draft.enabled}
        onChange={(enabled) => set({ enabled })}
      />
      <FieldError error={error} path={[field, 'enabled']} />
      {draft.enabled && (
        <>
          <label>
            Binding period (days)
            <input
              type="number"
              min={1}
              max={365}
              value={Number.isFinite(draft.bindingDays) ? draft.bindingDays : ''}
              onChange={(e) => set({ bindingDays: e.target.value === '' ? Number.NaN : Number(e.target.value) })}
            />
            <FieldError error={error} path={[field, 'bindingDays']} />
          </label>
          <p className="muted">Each call renews the binding; after this many days without one, it is removed.</p>
          <ToggleSwitch
            label="When the bound agent is unavailable, ring the number's destinations"
            checked={draft.fallbackToDestinations}
            onChange={(fallbackToDestinations) => set({ fallbackToDestinations })}
          />
          <p className="muted">
            {draft.fallbackToDestinations
              ? 'The call follows the routing rule.'
              : 'The call goes straight to no-answer handling.'}
          </p>
        </>
      )}
    </SettingsSection>
  );
}
