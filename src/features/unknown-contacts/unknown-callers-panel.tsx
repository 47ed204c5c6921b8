import { useQueryClient } from '@tanstack/react-query';
import { useStore } from 'zustand';
import { useServices } from '../../app/services-context';
import type { NotificationView } from '../../common/notifications';
import { notificationsApi } from './notifications-api';
import { useNotifications } from './notifications-query';
import { notificationsCache, openFor, unreadCount } from './notifications-cache';
import { UnknownCallerCard } from './unknown-caller-card';
import { useClaim } from './use-claim';

/**
 * Missed unknown callers (and texts from unknown numbers) of the rules this agent is on, with an unread
 * count. The first action claims; a claim elsewhere makes the item vanish here at once. New ones are announced
 * on every screen (use-notification-alerts.ts).
 */
export function UnknownCallersPanel({
  meId,
  onClaimed,
}: {
  meId: string;
  onClaimed(n: NotificationView, then?: 'text'): void;
}) {
  const { phone } = useServices();
  const qc = useQueryClient();
  const { data, error, isPending } = useNotifications();
  const { claim, message, busy } = useClaim();
  const registered = useStore(phone.store, (s) => s.registration.status === 'registered');
  const open = openFor(data ?? [], meId);
  const unread = unreadCount(open);

  const markRead = (n: NotificationView) => {
    if (n.read) return;
    notificationsCache.replace(qc, { ...n, read: true });
    void notificationsApi.read(n.id).catch(() => undefined);
  };
  const act = async (n: NotificationView, action: 'claim' | 'call-back' | 'text-back') => {
    const won = await claim(n, action);
    if (!won) return;
    if (action === 'call-back') void phone.call(n.caller, { callerId: n.number.number }).catch(() => undefined);
    onClaimed(won, action === 'text-back' ? 'text' : undefined);
  };

  return (
    <section className="panel unknown-callers" aria-labelledby="unknown-callers-title">
      <h2 id="unknown-callers-title">
        Missed unknown callers{' '}
        <span className="badge" data-testid="unread-count" aria-label={`${unread} unread`}>
          {unread}
        </span>
      </h2>
      {message && (
        <p role="alert" className="error" data-testid="claim-message">
          {message}
        </p>
      )}
      {isPending && <p className="muted">Loading…</p>}
      {error && <p role="alert">Could not load the unknown callers: {error.message}</p>}
      {data && open.length === 0 && <p className="muted">Nobody is waiting for a call back.</p>}
      <ul className="unknown-caller-list">
        {open.map((n) => (
          <UnknownCallerCard
            key={n.id}
            n={n}
            busy={busy === n.id}
            canCall={registered}
            onOpen={() => markRead(n)}
            onClaim={() => void act(n, 'claim')}
            onCallBack={() => void act(n, 'call-back')}
            onTextBack={() => void act(n, 'text-back')}
          />
        ))}
      </ul>
    </section>
  );
}
