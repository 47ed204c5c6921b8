import { useQueryClient } from '@tanstack/react-query';
import { useStore } from 'zustand';
import { useServices } from '../../app/services-context';
import type { NotificationView } from '../../common/notifications';
import { Button } from '../../components/ui/button';
import { ContactActions } from './contact-actions';
import { Conversation } from './conversation';
import { PhoneNumber, RelativeTime, useFormats } from '../../components/format';
import { kindLabel } from './format';
import { notificationsApi } from './notifications-api';
import { useNotifications } from './notifications-query';
import { followUpsOf, notificationsCache } from './notifications-cache';

/** Callers this agent claimed (or answered, or who texted them as their contact), until marked done. */
export function FollowUpsPanel({
  meId,
  focusId,
  onOpenContact,
}: {
  meId: string;
  focusId?: string;
  onOpenContact(id: string): void;
}) {
  const { phone } = useServices();
  const qc = useQueryClient();
  const { data } = useNotifications();
  const registered = useStore(phone.store, (s) => s.registration.status === 'registered');
  const mine = followUpsOf(data ?? [], meId);
  const formats = useFormats();

  const done = async (n: NotificationView) => notificationsCache.replace(qc, await notificationsApi.done(n.id));

  return (
    <section className="panel follow-ups" aria-labelledby="follow-ups-title">
      <h2 id="follow-ups-title">My follow-ups</h2>
      {data && mine.length === 0 && <p className="muted">Nothing to follow up.</p>}
      <ul>
        {mine.map((n) => (
          <li
            key={n.id}
            className="follow-up"
            data-notification-id={n.id}
            aria-label={`Follow-up: ${n.contact?.name ?? formats.phone(n.caller)}`}
          >
            <div className="row">
              <strong>{n.contact?.name ?? <PhoneNumber value={n.caller} />}</strong>
              <span className="muted">
                {kindLabel[n.kind]} to {n.number.displayName} · <RelativeTime at={n.createdAt} />
              </span>
            </div>
            <div className="row">
              <Button
                disabled={!registered}
                onClick={() => void phone.call(n.caller, { callerId: n.number.number }).catch(() => undefined)}
              >
                Call back
              </Button>
              <Button onClick={() => void done(n)}>Mark done</Button>
            </div>
            <ContactActions n={n} onOpenContact={onOpenContact} />
            <Conversation n={n} focus={n.id === focusId} />
          </li>
        ))}
      </ul>
    </section>
  );
}
