import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { ApiRequestError } from '../../../common/api-request-error';
import { FieldError, FormError } from '../../../components/ui/field-error';

/** An error that names no field of the form. */
const unplaced = (error: unknown) => (error instanceof ApiRequestError && error.error.path ? null : error);
import { formatDuration } from '../../../common/format';
import { useGreetingMutations, useGreetings } from './greetings-api';

/**
 * The organisation's voicemail greetings: upload a recording (WAV, MP3 or OGG, up to 2 minutes and 10 MB;
 * converted to telephone quality) or type what the greeting should say. Numbers choose one in their
 * voicemail settings; without one callers hear "You have reached <number name>...".
 */
export function GreetingsPage() {
  const greetings = useGreetings();
  const { upload, spoken, remove } = useGreetingMutations();
  const [name, setName] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [spokenName, setSpokenName] = useState('');
  const [text, setText] = useState('');
  return (
    <section className="panel greetings" aria-label="Greetings">
      <h2>Voicemail greetings</h2>
      {greetings.data?.length === 0 && <p>No greetings yet: numbers play the spoken default.</p>}
      <ul>
        {greetings.data?.map((g) => (
          <li key={g.id} data-greeting={g.id}>
            <strong>{g.name}</strong>{' '}
            <span className="muted">
              {g.source === 'text' ? `spoken: “${g.text}”` : 'uploaded recording'}
              {g.durationMs > 0 && ` · ${formatDuration(g.durationMs)}`}
            </span>{' '}
            <ConfirmDialog
              trigger={<Button tone="danger">Delete</Button>}
              title={`Delete ${g.name}?`}
              description="Numbers that play it must choose another first."
              confirmLabel="Delete"
              onConfirm={() => remove.mutate(g.id)}
            />
          </li>
        ))}
      </ul>
      {remove.error && <p role="alert">{remove.error.message}</p>}
      <form
        aria-label="Upload a greeting"
        onSubmit={(e) => {
          e.preventDefault();
          if (file) upload.mutate({ name, file }, { onSuccess: () => (setName(''), setFile(null)) });
        }}
      >
        <h3>Upload a recording</h3>
        <label>
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <FieldError error={upload.error} path={['name']} />
        <label>
          Audio file
          <input
            type="file"
            accept="audio/wav,audio/x-wav,audio/mpeg,audio/ogg,.wav,.mp3,.ogg"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </label>
        <FieldError error={upload.error} path={['file']} />
        <FormError error={unplaced(upload.error)} />
        <Button type="submit" tone="primary" disabled={!file || upload.isPending}>
          Upload
        </Button>
      </form>
      <form
        aria-label="Type a greeting"
        onSubmit={(e) => {
          e.preventDefault();
          spoken.mutate({ name: spokenName, text }, { onSuccess: () => (setSpokenName(''), setText('')) });
        }}
      >
        <h3>Type a greeting</h3>
        <label>
          Name
          <input value={spokenName} onChange={(e) => setSpokenName(e.target.value)} />
        </label>
        <FieldError error={spoken.error} path={['name']} />
        <label>
          What it says
          <textarea value={text} onChange={(e) => setText(e.target.value)} rows={3} />
        </label>
        <FieldError error={spoken.error} path={['text']} />
        <FormError error={unplaced(spoken.error)} />
        <Button type="submit" tone="primary" disabled={spoken.isPending}>
          Create spoken greeting
        </Button>
      </form>
    </section>
  );
}
