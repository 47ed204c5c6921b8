import type { NumberView } from '../../../common/api/numbers';
import { FieldError } from '../../../components/ui/field-error';
import { DateTime, PhoneNumber, TimeZoneLabel, useFormats } from '../../../components/format';
import { countryName } from './format';
import { useSaveBasicInfo } from './numbers-api';
import { ConfirmedSaveBar } from '../../../components/ui/confirmed-save-bar';
import { useDraft } from './use-draft';

const typeLabels = { local: 'Local', 'toll-free': 'Toll-free' } as const;

/** Every basic field, read-only except the display name. */
export function BasicInfoSection({ number }: { number: NumberView }) {
  const { draft, setDraft, dirty, discard } = useDraft(number.displayName);
  const save = useSaveBasicInfo(number.id);
  const formats = useFormats();
  const submit = () => save.mutate({ displayName: draft }, { onSuccess: (view) => setDraft(view.displayName) });

  return (
    <section className="panel number-section" aria-labelledby="basic-title">
      <h3 id="basic-title">Basic information</h3>
      <dl className="facts">
        <dt>Number</dt>
        <dd>
          <PhoneNumber value={number.number} />
        </dd>
        <dt>Type</dt>
        <dd>{typeLabels[number.type]}</dd>
        <dt>Country/Region</dt>
        <dd>{countryName(number.country)}</dd>
        <dt>City</dt>
        <dd>{number.city || '—'}</dd>
        <dt>Time zone</dt>
        <dd>
          <TimeZoneLabel timeZone={number.timeZone} />
        </dd>
        <dt>Expiry date</dt>
        <dd>{formats.date(number.expiresAt)}</dd>
        <dt>Last updated</dt>
        <dd>
          <DateTime at={number.updatedAt} />
        </dd>
        <dt>Last updated by</dt>
        <dd>{number.updatedBy}</dd>
      </dl>
      <label>
        Display name
        <input value={draft} maxLength={60} placeholder="optional" onChange={(e) => setDraft(e.target.value)} />
        <FieldError error={save.error} path={['displayName']} />
      </label>
      <ConfirmedSaveBar
        what="display name"
        description="The new display name is shown on agents' call cards from now on."
        dirty={dirty}
        pending={save.isPending}
        saved={save.isSuccess}
        error={save.error}
        shown={[['displayName']]}
        onSave={submit}
        onDiscard={() => {
          discard();
          save.reset();
        }}
      />
    </section>
  );
}
