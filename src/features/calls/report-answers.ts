import type { PhoneStore } from '../../sip/phone-store';
import { eachNewCall } from './each-new-call';

/** Calls `onAnswered` once for each inbound call the moment it becomes active. */
export function reportAnswers(store: PhoneStore, onAnswered: (sipCallId: string) => void): () => void {
  return eachNewCall(
    store,
    (c) => c.direction === 'inbound' && c.status === 'active',
    (c) => onAnswered(c.sipCallId),
  );
}
