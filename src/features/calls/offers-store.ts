import { createStore } from 'zustand/vanilla';
import type { CallOffered, CallResolved } from '../../common/calls';

/** Why each routed call came to this agent, by SIP Call-ID, and what became of it if it rang out elsewhere. */
export type OffersState = { bySipCallId: Record<string, { offer: CallOffered; resolved?: CallResolved }> };

export function createOffersStore() {
  return createStore<OffersState>(() => ({ bySipCallId: {} }));
}
export type OffersStore = ReturnType<typeof createOffersStore>;

const KEEP = 50;

export const offersActions = {
  offered(store: OffersStore, offer: CallOffered) {
    store.setState((s) => {
      const entries = Object.entries(s.bySipCallId).slice(-(KEEP - 1));
      return { bySipCallId: { ...Object.fromEntries(entries), [offer.sipCallId]: { offer } } };
    });
  },
  resolved(store: OffersStore, resolved: CallResolved) {
    store.setState((s) => {
      const entry = s.bySipCallId[resolved.sipCallId];
      return entry ? { bySipCallId: { ...s.bySipCallId, [resolved.sipCallId]: { ...entry, resolved } } } : s;
    });
  },
};

export const selectOffer = (sipCallId: string) => (s: OffersState) => s.bySipCallId[sipCallId];
