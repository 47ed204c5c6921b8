import type { ContactItemType } from '../../../common/domain/contact';
import { Button } from '../../../components/ui/button';
import { ExactFieldError } from '../../../components/ui/exact-field-error';
import { FieldError } from '../../../components/ui/field-error';
import type { PhoneDraft } from './contact-draft';

const MAX_PHONES = 20;

type Props = {
  phones: PhoneDraft[];
  onChange: (p: PhoneDraft[]) => void;
  itemTypes: readonly ContactItemType[];
  error: unknown;
};

/** A contact's other phones, each with an optional item type (its dialling priority) and a description. */
export function AdditionalPhonesEditor({ phones, onChange, itemTypes, error }: Props) {
  const update = (index: number, patch: Partial<PhoneDraft>) =>
    onChange(phones.map((p, i) => (i === index ? { ...p, ...patch } : p)));
  return (
    <fieldset className="additional-phones">
      <legend>Additional phones</legend>
      {phones.map((phone, index) => (
        <div key={index} className="row phone-row" role="group" aria-label={`Additional phone ${index + 1}`}>
          <label>
            Phone number
            <input
              value={phone.number}
              placeholder="+44 20 7946 0958"
              onChange={(e) => update(index, { number: e.target.value })}
            />
            <FieldError error={error} path={['additionalPhones', index, 'number']} />
          </label>
          <label>
            Item type
            <select value={phone.itemTypeId} onChange={(e) => update(index, { itemTypeId: e.target.value })}>
              <option value="">No type (dialled last)</option>
              {itemTypes.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
            <FieldError error={error} path={['additionalPhones', index, 'itemTypeId']} />
          </label>
          <label>
            Description
            <input
              value={phone.description}
              maxLength={120}
              onChange={(e) => update(index, { description: e.target.value })}
            />
            <FieldError error={error} path={['additionalPhones', index, 'description']} />
          </label>
          <Button tone="danger" onClick={() => onChange(phones.filter((_, i) => i !== index))}>
            Remove phone
          </Button>
        </div>
      ))}
      <div className="row">
        <Button
          disabled={phones.length >= MAX_PHONES}
          onClick={() => onChange([...phones, { number: '', itemTypeId: '', description: '' }])}
        >
          Add phone
        </Button>
      </div>
      <ExactFieldError error={error} path={['additionalPhones']} />
    </fieldset>
  );
}
