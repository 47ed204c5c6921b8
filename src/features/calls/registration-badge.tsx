import { useStore } from 'zustand';
import { useServices } from '../../app/services-context';
import { Button } from '../../components/ui/button';
import { selectRegistration } from '../../sip/phone-store';
import { selectFeed } from '../presence/presence-store';

const labels = {
  registered: 'Registered',
  connecting: 'Connecting…',
  unregistered: 'Not registered',
  failed: 'Registration failed',
} as const;

/** Always visible: whether the phone can ring, and if not, why, in words (and, when another window holds it, a way back). */
export function RegistrationBadge() {
  const { phone, presence } = useServices();
  const registration = useStore(phone.store, selectRegistration);
  const feed = useStore(presence, selectFeed);
  return (
    <div className="status-line" role="status" aria-live="polite">
      <span className={`badge badge-${registration.status}`} data-registration={registration.status}>
        {labels[registration.status]}
      </span>
      {registration.reason && registration.status !== 'registered' && (
        <span className="reason">{registration.reason}</span>
      )}
      {registration.elsewhere && (
        <Button onClick={() => void phone.takeBack().catch(() => undefined)}>Take it back</Button>
      )}
      {feed.status === 'disconnected' && (
        <span className="reason" data-feed="disconnected">
          {feed.reason}
        </span>
      )}
    </div>
  );
}
