import { createStore } from 'zustand/vanilla';
import type { Presence } from '../../common/presence';

export type PresenceStoreState = {
  /**
   * By staff id: the whole organisation for supervisors, only themselves for agents. Changed in place (one
   * change is one `set`, whatever the size of the organisation); `version` moves on every change, and a
   * selector of one agent's entry only hands a component a new value when that agent's entry changed.
   */
  byStaff: ReadonlyMap<string, Presence>;
  version: number;
  /** The live feed to the companion (`stopped`: closed by the page itself, on sign-out). */
  feed: { status: 'connecting' | 'connected' | 'disconnected' | 'stopped'; reason?: string };
};

export function createPresenceStore() {
  return createStore<PresenceStoreState>(() => ({ byStaff: new Map(), version: 0, feed: { status: 'connecting' } }));
}
export type PresenceStore = ReturnType<typeof createPresenceStore>;

export const presenceActions = {
  replaceAll(store: PresenceStore, list: Presence[]) {
    store.setState((s) => ({ byStaff: new Map(list.map((p) => [p.staffId, p])), version: s.version + 1 }));
  },
  upsert(store: PresenceStore, p: Presence) {
    (store.getState().byStaff as Map<string, Presence>).set(p.staffId, p);
    store.setState((s) => ({ version: s.version + 1 }));
  },
  setFeed(store: PresenceStore, feed: PresenceStoreState['feed']) {
    store.setState({ feed });
  },
};

export const selectFeed = (s: PresenceStoreState) => s.feed;
export const selectPresenceOf = (staffId: string) => (s: PresenceStoreState) => s.byStaff.get(staffId);
