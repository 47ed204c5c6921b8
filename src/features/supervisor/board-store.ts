import { createStore } from 'zustand/vanilla';
import type { BoardActivity, BoardSnapshot } from '../../common/api/board';
import type { Presence } from '../../common/presence';
import { BoardModel, type BoardFilter, type BoardSort } from './board-model';

/**
 * The supervisor's board: the model holds the rows (mutated in place, incrementally); `version` moves on every
 * change so the component knows to read it again. Presence comes from the feed; activity from the board
 * snapshot and then the feed.
 */
export type BoardStoreState = { model: BoardModel; version: number; dayEnd: number | null };

export function createBoardStore() {
  return createStore<BoardStoreState>(() => ({ model: new BoardModel(), version: 0, dayEnd: null }));
}
export type BoardStore = ReturnType<typeof createBoardStore>;

const bump = (store: BoardStore, change: (m: BoardModel) => void, patch: Partial<BoardStoreState> = {}) => {
  change(store.getState().model);
  store.setState((s) => ({ ...patch, version: s.version + 1 }));
};

export const boardActions = {
  presenceSnapshot: (store: BoardStore, list: Presence[]) => bump(store, (m) => m.replacePresence(list)),
  presenceChanged: (store: BoardStore, p: Presence) => bump(store, (m) => m.upsertPresence(p)),
  activity: (store: BoardStore, list: BoardActivity[]) => bump(store, (m) => m.setActivity(list)),
  snapshot: (store: BoardStore, s: BoardSnapshot) =>
    bump(
      store,
      (m) => {
        m.roles = s.roles;
        m.setNumbers(s.numbers);
        m.setActivity(s.activity, true);
      },
      { dayEnd: s.dayEnd },
    ),
  setFilter: (store: BoardStore, f: BoardFilter) => bump(store, (m) => m.setFilter(f)),
  setSort: (store: BoardStore, s: BoardSort) => bump(store, (m) => m.setSort(s)),
};

export const selectBoardVersion = (s: BoardStoreState) => s.version;
