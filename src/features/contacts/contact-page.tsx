import { useQueryClient } from '@tanstack/react-query';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { useState, type FormEvent } from 'react';
import type { TimelineEntry } from '../../common/notifications';
import { Button } from '../../components/ui/button';
import { addNote, timelineQuery, useContact, useTimeline } from './contact-timeline-api';

const time = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const phone = (e164: string) => parsePhoneNumberFromString(e164)?.formatNational() ?? e164;
const kindLabel: Record<TimelineEntry['kind'], string> = { call: 'Call', text: 'Text', claim: 'Claim', note: 'Note' };

/** A contact's page: their numbers, source and tags, and the timeline of calls, texts, claims and notes. */
export function ContactPage({ id, onClose }: { id: string; onClose(): void }) {
  const qc = useQueryClient();
  const contact = useContact(id);
  const timeline = useTimeline(id);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();

  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await addNote(id, note);
      setNote('');
      setError(undefined);
      void qc.invalidateQueries({ queryKey: timelineQuery(id).queryKey });
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The note was not saved.');
    }
  };

  return (
    <section className="panel contact-page" aria-labelledby="contact-title">
      <div className="row">
        <h2 id="contact-title">{contact.data?.name ?? 'Contact'}</h2>
        <Button onClick={onClose}>Close</Button>
      </div>
      {contact.error && <p role="alert">Could not load the contact: {contact.error.message}</p>}
      {contact.data && (
        <p className="muted">
          {[contact.data.primaryPhone, ...contact.data.additionalPhones.map((p) => p.number)].map(phone).join(' · ')}
          {contact.data.source && <> · source {contact.data.source}</>}
          {contact.data.tags.length > 0 && <> · tags {contact.data.tags.join(', ')}</>}
        </p>
      )}
      <h3>Timeline</h3>
      <ol className="timeline" aria-label="Timeline">
        {(timeline.data ?? []).map((e) => (
          <li key={e.id} data-kind={e.kind}>
            <span className="muted">{time.format(e.at)}</span> <strong>{kindLabel[e.kind]}</strong> {e.summary}
            {e.body && <blockquote>{e.body}</blockquote>}
          </li>
        ))}
      </ol>
      <form onSubmit={(e) => void save(e)}>
        <label>
          Add a note
          <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <Button type="submit" disabled={note.trim() === ''}>
          Save note
        </Button>
      </form>
    </section>
  );
}
