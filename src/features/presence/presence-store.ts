import { createStore } from 'zustand/vanilla';
import type { Presence } from '../../common/presence';

export type PresenceStoreState = {
  /** By staff id: the whole organisation for supervisors, only themselves for agents. */
  byStaff: Record<string, Presence>;
  feed: { status: 'connecting' | 'connected' | 'disconnected'; reason?: string };
};

export function createPresenceStore() {
  return createStore<PresenceStoreState>(() => ({ byStaff: {}, feed: { status: 'connecting' } }));
}
export type PresenceStore = ReturnType<typeof createPresenceStore>;

export const presenceActions = {
  replaceAll(store: PresenceStore, list: Presence[]) {
    store.setState({ byStaff: Object.fromEntries(list.map((p) => [p.staffId, p])) });
  },
  upsert(store: PresenceStore, p: Presence) {
    store.setState((s) => ({ byStaff: { ...s.byStaff, [p.staffId]: p } }));
  },
  setFeed(store: PresenceStore, feed: PresenceStoreState['feed']) {
    store.setState({ feed });
  },
};

export const selectFeed = (s: PresenceStoreState) => s.feed;
export const selectPresenceOf = (staffId: string) => (s: PresenceStoreState) => s.byStaff[staffId];
export const selectAllPresence = (s: PresenceStoreState) => s.byStaff;
