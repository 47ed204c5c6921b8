import type { PhoneStore } from '../../sip/phone-store';

/** Calls `onAnswered` once for each inbound call the moment it becomes active. */
export function reportAnswers(store: PhoneStore, onAnswered: (sipCallId: string) => void): () => void {
  const reported = new Set<string>();
  return store.subscribe((state) => {
    for (const c of state.calls) {
      if (c.direction !== 'inbound' || c.status !== 'active' || reported.has(c.id)) continue;
      reported.add(c.id);
      onAnswered(c.sipCallId);
    }
  });
}
