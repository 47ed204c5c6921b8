import { useState, type FormEvent } from 'react';
import type { StaffView } from '../../../common/api/staff';
import type { Contact, ContactItemType } from '../../../common/domain/contact';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { UnplacedFormError } from '../../../components/ui/exact-field-error';
import { FieldError } from '../../../components/ui/field-error';
import { StaffSelect } from '../staff/staff-pickers';
import { AdditionalPhonesEditor } from './additional-phones-editor';
import { draftOf, emptyDraft, inputOf, type ContactDraft } from './contact-draft';
import { useDeleteContact, useSaveContact } from './contacts-api';

const shown = [['name'], ['primaryPhone'], ['additionalPhones'], ['primaryAgentId'], ['source'], ['tags']];

type Props = {
  contact: Contact | null;
  staff: readonly StaffView[];
  itemTypes: readonly ContactItemType[];
  onDone: () => void;
};

/** Create a contact (`contact` null) or edit one: phones, primary agent, source and tags. */
export function ContactForm({ contact, staff, itemTypes, onDone }: Props) {
  const [draft, setDraft] = useState<ContactDraft>(contact ? draftOf(contact) : emptyDraft);
  const save = useSaveContact(contact?.id ?? null);
  const remove = useDeleteContact();
  const set = (patch: Partial<ContactDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(inputOf(draft), { onSuccess: onDone });
  };
  const title = contact ? `Edit ${contact.name}` : 'New contact';

  return (
    <form className="panel contact-form" aria-label={title} onSubmit={submit}>
      <h3>{title}</h3>
      <label>
        Name
        <input value={draft.name} maxLength={120} onChange={(e) => set({ name: e.target.value })} />
        <FieldError error={save.error} path={['name']} />
      </label>
      <label>
        Primary phone
        <input
          value={draft.primaryPhone}
          placeholder="+44 7700 900123"
          onChange={(e) => set({ primaryPhone: e.target.value })}
        />
        <FieldError error={save.error} path={['primaryPhone']} />
      </label>
      <AdditionalPhonesEditor
        phones={draft.additionalPhones}
        onChange={(additionalPhones) => set({ additionalPhones })}
        itemTypes={itemTypes}
        error={save.error}
      />
      <StaffSelect
        label="Primary agent"
        staff={staff}
        value={draft.primaryAgentId}
        allowNone="No primary agent"
        onChange={(primaryAgentId) => set({ primaryAgentId })}
        error={save.error}
        path={['primaryAgentId']}
      />
      <div className="row">
        <label>
          Source
          <input value={draft.source} maxLength={60} onChange={(e) => set({ source: e.target.value })} />
          <FieldError error={save.error} path={['source']} />
        </label>
        <label>
          Tags (comma-separated)
          <input value={draft.tags} onChange={(e) => set({ tags: e.target.value })} />
          <FieldError error={save.error} path={['tags']} />
        </label>
      </div>
      <div className="row">
        <Button type="submit" tone="primary" disabled={save.isPending}>
          {contact ? 'Save contact' : 'Create contact'}
        </Button>
        <Button onClick={onDone}>Cancel</Button>
        {contact && (
          <ConfirmDialog
            title={`Delete ${contact.name}?`}
            description="The contact and all its phones are removed."
            confirmLabel="Delete contact"
            onConfirm={() => remove.mutate(contact.id, { onSuccess: onDone })}
            trigger={<Button tone="danger">Delete contact</Button>}
          />
        )}
      </div>
      {!save.isPending && <UnplacedFormError error={save.error} shown={shown} />}
      <UnplacedFormError error={remove.error} shown={[]} />
    </form>
  );
}
