import { useDeferredValue, useState } from 'react';
import { PhoneNumber } from '../../components/format';
import { Button } from '../../components/ui/button';
import { PAGE_SIZE, useContactSearch } from './contacts-api';

/** Agents' contacts: search by name or any phone (the server searches, a page at a time), open one to call it. */
export function ContactsPanel({ onOpen }: { onOpen: (id: string) => void }) {
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const query = useDeferredValue(q.trim());
  const page = useContactSearch(query, offset);

  const total = page.data?.total ?? 0;
  return (
    <section className="panel contacts" aria-label="Contacts">
      <h2>Contacts</h2>
      <label>
        Search contacts
        <input
          type="search"
          value={q}
          placeholder="Name or phone number"
          onChange={(e) => {
            setQ(e.target.value);
            setOffset(0);
          }}
        />
      </label>
      {page.isError && <p role="alert">{page.error.message}</p>}
      {page.data && (
        <p className="muted" aria-live="polite">
          {total === 0 ? 'No contacts found.' : `${offset + 1}–${Math.min(offset + PAGE_SIZE, total)} of ${total}`}
        </p>
      )}
      <ul className="contact-results">
        {page.data?.items.map((c) => (
          <li key={c.id}>
            <button type="button" className="link" onClick={() => onOpen(c.id)}>
              {c.name}
            </button>{' '}
            <PhoneNumber className="muted" value={c.primaryPhone} />
          </li>
        ))}
      </ul>
      <div className="row">
        <Button disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
          Previous
        </Button>
        <Button disabled={offset + PAGE_SIZE >= total} onClick={() => setOffset(offset + PAGE_SIZE)}>
          Next
        </Button>
      </div>
    </section>
  );
}
