import { autoDeletePeriods, type AutoDeletePeriod, type VoicemailSettings } from '../../../common/domain/voicemail-settings';
import { FieldError } from '../../../components/ui/field-error';
import { ToggleSwitch } from '../../../components/ui/toggle-switch';
import { autoDeleteLabels } from './format';
import { SelectField } from './select-field';

/** Voicemail on or off; when on, the greeting the caller hears and how long messages are kept. */
export function VoicemailFields({ value, onChange, error }: { value: VoicemailSettings; onChange: (v: VoicemailSettings) => void; error: unknown }) {
  return (
    <fieldset className="voicemail">
      <legend>Voicemail</legend>
      <ToggleSwitch label="Voicemail" checked={value.enabled} onChange={(enabled) => onChange({ ...value, enabled })} />
      <FieldError error={error} path={['voicemail', 'enabled']} />
      {value.enabled && (
        <>
          <p className="muted">With voicemail on, the number may have only one destination.</p>
          <label>
            Voicemail greeting
            <input
              value={value.greeting ?? ''}
              placeholder="Name of the greeting recording"
              onChange={(e) => onChange({ ...value, greeting: e.target.value === '' ? null : e.target.value })}
            />
            <FieldError error={error} path={['voicemail', 'greeting']} />
          </label>
          <SelectField
            label="Auto file deletion"
            value={value.autoDelete}
            onChange={(autoDelete) => onChange({ ...value, autoDelete: autoDelete as AutoDeletePeriod })}
            after={<FieldError error={error} path={['voicemail', 'autoDelete']} />}
          >
            {autoDeletePeriods.map((p) => (
              <option key={p} value={p}>
                {autoDeleteLabels[p]}
              </option>
            ))}
          </SelectField>
        </>
      )}
    </fieldset>
  );
}
