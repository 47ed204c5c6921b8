import { useState } from 'react';
import type { AwayReason } from '../../../common/presence';
import { Button } from '../../../components/ui/button';
import { FieldError, FormError } from '../../../components/ui/field-error';
import {
  addReason,
  removeReason,
  renameReason,
  saveWrapUp,
  usePresenceSettings,
  usePresenceSettingsWrite,
} from './presence-settings-api';

/** Wrap-up after every call and the reasons agents give for being away. */
export function PresenceSettingsPage() {
  const settings = usePresenceSettings();
  if (!settings.data) return <p className="muted">Loading…</p>;
  return (
    <>
      <WrapUpSection seconds={settings.data.wrapUpSeconds} />
      <AwayReasonsSection reasons={settings.data.awayReasons} />
    </>
  );
}

function WrapUpSection({ seconds }: { seconds: number }) {
  const [draft, setDraft] = useState(String(seconds));
  const save = usePresenceSettingsWrite(saveWrapUp);
  return (
    <form
      className="panel number-section"
      aria-label="Wrap-up"
      onSubmit={(e) => (e.preventDefault(), save.mutate(draft.trim() === '' ? NaN : Number(draft)))}
    >
      <h3>Wrap-up</h3>
      <p className="muted">
        After every answered call the agent is in wrap-up for this long before calls ring them again (0 turns it off).
      </p>
      <label>
        Wrap-up seconds
        <input inputMode="numeric" value={draft} onChange={(e) => setDraft(e.target.value)} />
        <FieldError error={save.error} path={['wrapUpSeconds']} />
      </label>
      <Button type="submit" tone="primary" disabled={save.isPending}>
        Save wrap-up
      </Button>
      {save.isSuccess && <span className="muted"> Saved.</span>}
    </form>
  );
}

function AwayReasonsSection({ reasons }: { reasons: AwayReason[] }) {
  const [name, setName] = useState('');
  const add = usePresenceSettingsWrite(addReason);
  return (
    <section className="panel number-section" aria-label="Away reasons">
      <h3>Away reasons</h3>
      <ul>
        {reasons.map((r) => (
          <ReasonRow key={r.id} reason={r} />
        ))}
      </ul>
      <form
        aria-label="Add an away reason"
        onSubmit={(e) => (e.preventDefault(), add.mutate(name, { onSuccess: () => setName('') }))}
      >
        <label>
          New reason
          <input value={name} onChange={(e) => setName(e.target.value)} />
          <FieldError error={add.error} path={['name']} />
        </label>
        <Button type="submit" disabled={add.isPending}>
          Add reason
        </Button>
      </form>
    </section>
  );
}

function ReasonRow({ reason }: { reason: AwayReason }) {
  const [name, setName] = useState(reason.name);
  const rename = usePresenceSettingsWrite(renameReason);
  const remove = usePresenceSettingsWrite(removeReason);
  return (
    <li>
      <input aria-label={`Name of ${reason.name}`} value={name} onChange={(e) => setName(e.target.value)} />
      <Button
        disabled={name === reason.name || rename.isPending}
        onClick={() => rename.mutate({ id: reason.id, name })}
      >
        Rename
      </Button>
      <Button tone="danger" disabled={remove.isPending} onClick={() => remove.mutate(reason.id)}>
        Remove {reason.name}
      </Button>
      <FormError error={rename.error ?? remove.error} />
    </li>
  );
}
