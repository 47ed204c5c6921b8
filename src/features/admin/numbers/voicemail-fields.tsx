import {
  autoDeletePeriods,
  type AutoDeletePeriod,
  type VoicemailSettings,
} from '../../../common/domain/voicemail-settings';
import { FieldError } from '../../../components/ui/field-error';
import { ToggleSwitch } from '../../../components/ui/toggle-switch';
import { useGreetings } from '../greetings/greetings-api';
import { autoDeleteLabels } from './format';
import { SelectField } from './select-field';

/** Voicemail on or off; when on, the greeting the caller hears and how long messages are kept. */
export function VoicemailFields({
  value,
  onChange,
  error,
}: {
  value: VoicemailSettings;
  onChange: (v: VoicemailSettings) => void;
  error: unknown;
}) {
  const greetings = useGreetings();
  return (
    <fieldset className="voicemail">
      <legend>Voicemail</legend>
      <ToggleSwitch label="Voicemail" checked={value.enabled} onChange={(enabled) => onChange({ ...value, enabled })} />
      <FieldError error={error} path={['voicemail', 'enabled']} />
      {value.enabled && (
        <>
          <p className="muted">With voicemail on, the number may have only one destination.</p>
          <SelectField
            label="Voicemail greeting"
            value={value.greeting ?? ''}
            onChange={(greeting) => onChange({ ...value, greeting: greeting === '' ? null : greeting })}
            after={<FieldError error={error} path={['voicemail', 'greeting']} />}
          >
            <option value="">Spoken default (“You have reached …”)</option>
            {greetings.data?.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
            {value.greeting && greetings.data && !greetings.data.some((g) => g.id === value.greeting) && (
              <option value={value.greeting}>{value.greeting} (missing)</option>
            )}
          </SelectField>
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
