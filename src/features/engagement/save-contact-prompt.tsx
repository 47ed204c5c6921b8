import { useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../../app/services-context';
import { PhoneNumber, useFormats } from '../../components/format';
import { Button } from '../../components/ui/button';
import { useSaveContact } from './engagement-api';
import { dismissPrompt, type SavePrompt, type SavePromptStore } from './save-prompts';

function PromptForm({ prompt, store, myId }: { prompt: SavePrompt; store: SavePromptStore; myId: string }) {
  const [name, setName] = useState('');
  const save = useSaveContact();
  const formats = useFormats();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      { name, primaryPhone: prompt.number, primaryAgentId: myId },
      { onSuccess: () => dismissPrompt(store, prompt.callId) },
    );
  };
  return (
    <form
      className="panel save-contact"
      aria-label={`Save ${formats.phone(prompt.number)} as contact`}
      onSubmit={submit}
    >
      <p>
        After your engagement call with{' '}
        <strong>
          <PhoneNumber value={prompt.number} />
        </strong>
        : save them as a contact (you become their agent).
      </p>
      <label>
        Contact name
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      {save.isError && (
        <p role="alert" className="error">
          {save.error.message}
        </p>
      )}
      <div className="row">
        <Button type="submit" tone="primary" disabled={!name.trim() || save.isPending}>
          Save as contact
        </Button>
        <Button onClick={() => dismissPrompt(store, prompt.callId)}>Not now</Button>
      </div>
    </form>
  );
}

/** The "Save as contact" offers of engagement calls that just ended. */
export function SaveContactPrompts({ myId }: { myId: string }) {
  const { savePrompts } = useServices();
  const prompts = useStore(savePrompts, (s) => s.prompts);
  return (
    <>
      {prompts.map((p) => (
        <PromptForm key={p.callId} prompt={p} store={savePrompts} myId={myId} />
      ))}
    </>
  );
}
