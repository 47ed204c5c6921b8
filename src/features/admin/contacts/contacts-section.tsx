import { useState } from 'react';
import type { Contact } from '../../../common/domain/contact';
import { Button } from '../../../components/ui/button';
import { useStaff } from '../staff/staff-api';
import { ContactForm } from './contact-form';
import { searchContacts } from './contact-search';
import { ContactTable } from './contact-table';
import { useContacts, useItemTypes } from './contacts-api';

type Editing = { contact: Contact | null } | null;

/** Search the contacts, open one to edit, or start a new one. */
export function ContactsSection() {
  const contacts = useContacts();
  const itemTypes = useItemTypes();
  const staff = useStaff();
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  if (contacts.isPending || itemTypes.isPending || staff.isPending) return <p>Loading contacts…</p>;
  const failed = contacts.error ?? itemTypes.error ?? staff.error;
  if (failed) return <p className="error">The contacts could not be loaded: {failed.message}</p>;
  const found = searchContacts(contacts.data ?? [], query);

  if (editing) {
    return (
      <ContactForm
        key={editing.contact?.id ?? 'new'}
        contact={editing.contact}
        staff={staff.data ?? []}
        itemTypes={itemTypes.data ?? []}
        onDone={() => setEditing(null)}
      />
    );
  }
  return (
    <section className="panel contacts-list" aria-labelledby="contacts-title">
      <div className="row section-header">
        <h2 id="contacts-title">Contacts</h2>
        <Button tone="primary" onClick={() => setEditing({ contact: null })}>
          New contact
        </Button>
      </div>
      <label>
        Search contacts
        <input
          type="search"
          placeholder="Name, phone, source or tag"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </label>
      <p className="muted" role="status">
        {found.length} of {contacts.data?.length ?? 0} contacts
      </p>
      <ContactTable
        contacts={found}
        staff={staff.data ?? []}
        itemTypes={itemTypes.data ?? []}
        onEdit={(contact) => setEditing({ contact })}
      />
    </section>
  );
}
