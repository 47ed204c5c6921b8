import type { ReactNode } from 'react';
import type { BindingSettings } from '../../../common/domain/binding-settings';
import type { StandardNumber } from '../../../common/domain/virtual-number';
import { FieldError } from '../../../components/ui/field-error';
import { ToggleSwitch } from '../../../components/ui/toggle-switch';
import { useSaveRouting } from './numbers-api';
import { ConfirmedSaveBar } from '../../../components/ui/confirmed-save-bar';
import { useDraft } from './use-draft';

type Props = {
  number: StandardNumber;
  field: 'sticky' | 'engagement';
  title: string;
  /** The main toggle's label. */
  label: string;
  intro: ReactNode;
  /** Why the setting is not offered on this number, if it is not. */
  unavailable?: string;
};

/** Sticky routing and engagement mode: on/off, the binding period in days, and the fallback when the bound agent is away. */
export function BindingSection({ number, field, title, label, intro, unavailable }: Props) {
  const { draft, setDraft, dirty, discard } = useDraft<BindingSettings>(number.routing[field]);
  const save = useSaveRouting(number.id);
  const error = save.error;
  const id = `${field}-title`;
  const submit = () => save.mutate({ ...number.routing, [field]: draft }, { onSuccess: (view) => view.kind === 'standard' && setDraft(view.routing[field]) });

  return (
    <section className="panel number-section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <p className="muted">{intro}</p>
      {unavailable && (
        <p className="notice" role="note">
          {unavailable}
        </p>
      )}
      <ToggleSwitch label={label} checked={draft.enabled} disabled={Boolean(unavailable) && !draft.enabled} onChange={(enabled) => setDraft({ ...draft, enabled })} />
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
              onChange={(e) => setDraft({ ...draft, bindingDays: e.target.value === '' ? Number.NaN : Number(e.target.value) })}
            />
            <FieldError error={error} path={[field, 'bindingDays']} />
          </label>
          <p className="muted">Each call renews the binding; after this many days without one, it is removed.</p>
          <ToggleSwitch
            label="When the bound agent is unavailable, ring the number's destinations"
            checked={draft.fallbackToDestinations}
            onChange={(fallbackToDestinations) => setDraft({ ...draft, fallbackToDestinations })}
          />
          <p className="muted">{draft.fallbackToDestinations ? 'The call follows the routing rule.' : 'The call goes straight to no-answer handling.'}</p>
        </>
      )}
      {(!unavailable || dirty || number.routing[field].enabled) && (
        <ConfirmedSaveBar
          what={title.toLowerCase()}
          description={`The new ${title.toLowerCase()} settings apply to the next call to this number.`}
          dirty={dirty}
          pending={save.isPending}
          saved={save.isSuccess}
          error={error}
          shown={[[field]]}
          onSave={submit}
          onDiscard={() => {
            discard();
            save.reset();
          }}
        />
      )}
    </section>
  );
}
