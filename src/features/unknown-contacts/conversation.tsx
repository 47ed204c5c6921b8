import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useServices } from '../../app/services-context';
import { MAX_TEXT_LENGTH, textBodySchema, type NotificationView } from '../../common/notifications';
import { Button } from '../../components/ui/button';
import { PhoneNumber, RelativeTime, useFormats } from '../../components/format';
import { notificationsCache } from './notifications-cache';

/** The texts with this caller, and the box to text back (sent as the company number: the server decides). */
export function Conversation({ n, focus }: { n: NotificationView; focus?: boolean }) {
  const { phone } = useServices();
  const qc = useQueryClient();
  const [body, setBody] = useState('');
  const formats = useFormats();
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);

  const send = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = textBodySchema.safeParse(body);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message);
    setError(undefined);
    setSending(true);
    try {
      await phone.sendText(n.caller, parsed.data);
      setBody('');
      notificationsCache.updated(qc);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The text was not sent.');
    } finally {
      setSending(false);
    }
  };

  return (
    <div className="conversation" aria-label={`Texts with ${formats.phone(n.caller)}`}>
      <ol className="texts">
        {n.texts.map((t) => (
          <li key={t.id} className={`text ${t.direction}`} data-direction={t.direction}>
            <span className="text-body">{t.body}</span>
            <span className="muted">
              {t.direction === 'outbound' ? (
                <>
                  {t.staff?.name ?? 'Sent'} as <PhoneNumber value={t.companyNumber} />
                </>
              ) : (
                'Received'
              )}{' '}
              · <RelativeTime at={t.at} />
            </span>
          </li>
        ))}
      </ol>
      <form onSubmit={(e) => void send(e)} className="text-form">
        <label>
          Text back
          <textarea
            value={body}
            maxLength={MAX_TEXT_LENGTH}
            autoFocus={focus}
            onChange={(e) => setBody(e.target.value)}
            rows={2}
          />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <Button type="submit" tone="primary" disabled={sending || body.trim() === ''}>
          Send text
        </Button>
      </form>
    </div>
  );
}
