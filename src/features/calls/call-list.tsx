import { useStore } from 'zustand';
import { useServices } from '../../app/services-context';
import { selectCalls } from '../../sip/phone-store';
import { ActiveCallPanel } from './active-call-panel';
import { IncomingCallCard } from './incoming-call-card';

/** Every call the phone knows: ringing inbound calls as cards, the rest as call panels. */
export function CallList() {
  const { phone } = useServices();
  const calls = useStore(phone.store, selectCalls);
  const anyEstablished = calls.some((c) => c.status === 'active' || c.status === 'held');
  const firstRinging = calls.find((c) => c.direction === 'inbound' && c.status === 'ringing');
  if (calls.length === 0) return <p className="panel idle">No calls right now.</p>;
  return (
    <div className="call-list">
      {calls.map((c) =>
        c.direction === 'inbound' && c.status === 'ringing' ? (
          <IncomingCallCard key={c.id} call={c} waiting={anyEstablished} first={c === firstRinging} />
        ) : (
          <ActiveCallPanel key={c.id} call={c} />
        ),
      )}
    </div>
  );
}
