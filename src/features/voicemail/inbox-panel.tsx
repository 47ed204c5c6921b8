import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { DateTime, Duration, PhoneNumber, useFormats } from '../../components/format';
import { MessagePlayer } from './message-player';
import { unheardCount, useDeleteMessage, useMarkHeard, useVoicemail } from './voicemail-api';

/** The agent's voicemail: every box they may hear, newest first, with a badge for the unheard ones. */
export function InboxPanel() {
  const inbox = useVoicemail();
  const heard = useMarkHeard();
  const remove = useDeleteMessage();
  const unread = unheardCount(inbox.data);
  const formats = useFormats();
  return (
    <section className="panel voicemail" aria-label="Voicemail">
      <h2>
        Voicemail{' '}
        {unread > 0 && (
          <span className="badge" data-unread={unread} aria-label={`${unread} unheard`}>
            {unread}
          </span>
        )}
      </h2>
      {inbox.isPending && <p>Loading…</p>}
      {inbox.isError && <p role="alert">{inbox.error.message}</p>}
      {inbox.data?.length === 0 && <p>No messages.</p>}
      {(heard.error ?? remove.error) && <p role="alert">{(heard.error ?? remove.error)!.message}</p>}
      <ul>
        {inbox.data?.map((m) => (
          <li
            key={m.id}
            data-voicemail={m.id}
            data-heard={String(m.heardAt !== null)}
            className={m.heardAt === null ? 'unheard' : undefined}
          >
            <div>
              <strong>{m.caller.name ?? <PhoneNumber value={m.caller.number} />}</strong>
              {m.caller.name && (
                <span className="muted">
                  {' '}
                  <PhoneNumber value={m.caller.number} />
                </span>
              )}{' '}
              → {m.number.displayName}
              {m.heardAt === null && <span className="tag"> New</span>}
            </div>
            <div className="muted">
              <DateTime at={m.startedAt} /> · <Duration ms={m.durationMs} />
            </div>
            <MessagePlayer id={m.id} onFirstPlay={() => m.heardAt === null && !heard.isPending && heard.mutate(m.id)} />
            <div className="row">
              {m.heardAt === null && <Button onClick={() => heard.mutate(m.id)}>Mark heard</Button>}
              <ConfirmDialog
                trigger={<Button tone="danger">Delete</Button>}
                title="Delete this message?"
                description={`The message from ${m.caller.name ?? formats.phone(m.caller.number)} is deleted for everyone who shares this box.`}
                confirmLabel="Delete"
                onConfirm={() => remove.mutate(m.id)}
              />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
