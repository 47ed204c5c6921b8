import type { NumberView } from '../../../common/api/numbers';
import { DateTime, PhoneNumber, TimeZoneLabel, useFormats } from '../../../components/format';
import { FieldError } from '../../../components/ui/field-error';
import { SettingsSection } from '../settings-form/settings-section';
import { countryName } from './format';
import type { NumberForm } from './number-form';

const typeLabels = { local: 'Local', 'toll-free': 'Toll-free' } as const;

/** Every basic field, read-only except the display name. */
export function BasicInfoSection({ number, form }: { number: NumberView; form: NumberForm }) {
  const formats = useFormats();
  const summary = `${typeLabels[number.type]}${number.city ? ` · ${number.city}` : ''} · expires ${formats.date(number.expiresAt)}`;
  return (
    <SettingsSection id="basic-title" title="Basic information" summary={summary}>
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
          <DateTime at={number.updatedAt} /> by {number.updatedBy}
        </dd>
      </dl>
      <label>
        Display name
        <input
          value={form.draft.displayName}
          maxLength={60}
          placeholder="optional"
          onChange={(e) => form.setDraft((d) => ({ ...d, displayName: e.target.value }))}
        />
        <FieldError error={form.error} path={['displayName']} />
      </label>
    </SettingsSection>
  );
}
