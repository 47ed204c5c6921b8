import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiRequestError } from '../../common/api-request-error';
import type { Contact } from '../../common/domain/contact';
import type { NotificationView } from '../../common/notifications';
import { Button } from '../../components/ui/button';
import { PhoneNumber } from '../../components/format';
import { notificationsApi } from './notifications-api';
import { notificationsCache } from './notifications-cache';
import { queryKeys } from '../../app/query-keys';

const messageOf = (err: unknown) =>
  err instanceof ApiRequestError || err instanceof Error ? err.message : 'Something went wrong.';

/** Create a contact from the caller, or put the caller's number on an existing contact (searched by name or number). */
export function ContactActions({ n, onOpenContact }: { n: NotificationView; onOpenContact(id: string): void }) {
  const qc = useQueryClient();
  const [mode, setMode] = useState<'none' | 'create' | 'associate'>('none');
  const [name, setName] = useState('');
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Contact[]>([]);
  const [error, setError] = useState<string>();

  if (n.contact) {
    return (
      <p>
        Contact: <Button onClick={() => onOpenContact(n.contact!.id)}>{n.contact.name}</Button>
      </p>
    );
  }
  const done = (r: { notification: NotificationView; contact: Contact }) => {
    notificationsCache.replace(qc, r.notification);
    void qc.invalidateQueries({ queryKey: queryKeys.contacts.all });
    setMode('none');
  };
  const create = async (e: FormEvent) => {
    e.preventDefault();
    try {
      done(await notificationsApi.createContact(n.id, { name, tags: [] }));
    } catch (err) {
      setError(messageOf(err));
    }
  };
  const search = async (e: FormEvent) => {
    e.preventDefault();
    try {
      setFound(await notificationsApi.searchContacts(query));
      setError(undefined);
    } catch (err) {
      setError(messageOf(err));
    }
  };
  const associate = async (contactId: string) => {
    try {
      done(await notificationsApi.associate(n.id, contactId));
    } catch (err) {
      setError(messageOf(err));
    }
  };

  return (
    <div className="contact-actions">
      <div className="row">
        <Button aria-pressed={mode === 'create'} onClick={() => setMode('create')}>
          Create contact
        </Button>
        <Button aria-pressed={mode === 'associate'} onClick={() => setMode('associate')}>
          Associate with a contact
        </Button>
      </div>
      {mode === 'create' && (
        <form onSubmit={(e) => void create(e)}>
          <label>
            Contact name
            <input value={name} onChange={(e) => setName(e.target.value)} autoFocus />
          </label>
          <p className="muted">
            <PhoneNumber value={n.caller} /> · source {n.source} · tag {n.tag} · you as their agent
          </p>
          <Button type="submit" tone="primary">
            Save contact
          </Button>
        </form>
      )}
      {mode === 'associate' && (
        <form onSubmit={(e) => void search(e)}>
          <label>
            Find a contact
            <input value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Name or number" autoFocus />
          </label>
          <Button type="submit">Search</Button>
          <ul className="contact-results">
            {found.map((c) => (
              <li key={c.id}>
                {c.name} · <PhoneNumber value={c.primaryPhone} />{' '}
                <Button onClick={() => void associate(c.id)}>Associate {c.name}</Button>
              </li>
            ))}
          </ul>
        </form>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
