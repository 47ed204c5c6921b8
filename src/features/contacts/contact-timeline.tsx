import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { TimelineEntry } from '../../common/notifications';
import { DateTime } from '../../components/format';
import { Button } from '../../components/ui/button';
import { addNote, timelineQuery, useTimeline } from './contact-timeline-api';
import { useContact } from './contacts-api';

const kindLabel: Record<TimelineEntry['kind'], string> = { call: 'Call', text: 'Text', claim: 'Claim', note: 'Note' };

/** A contact's source, tags and the timeline of calls, texts, claims and notes, with a note to add. */
export function ContactTimeline({ id }: { id: string }) {
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
    <div className="contact-timeline">
      {contact.data && (contact.data.source || contact.data.tags.length > 0) && (
        <p className="muted">
          {contact.data.source && <>Source {contact.data.source}</>}
          {contact.data.tags.length > 0 && <> · tags {contact.data.tags.join(', ')}</>}
        </p>
      )}
      <ol className="timeline" aria-label="Timeline">
        {(timeline.data ?? []).map((e) => (
          <li key={e.id} data-kind={e.kind}>
            <DateTime className="muted" at={e.at} /> <strong>{kindLabel[e.kind]}</strong> {e.summary}
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
    </div>
  );
}
