import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

/** What the guard needs of the page: its address, its history and its location events. */
export type LocationWindow = Pick<Window, 'addEventListener' | 'removeEventListener'> & {
  location: Pick<Location, 'pathname'>;
  history: Pick<History, 'pushState' | 'replaceState' | 'state'>;
};

/** Asks before a leave (the settings forms' unsaved-changes question); `stay` runs when the answer is Stay. */
export type AskLeave = (leave: () => void, stay: () => void) => void;

export type GuardedLocation = {
  /** wouter's location hook: the path the app shows, and navigate. */
  hook: () => [string, (to: string, options?: { replace?: boolean }) => void];
  navigate: (to: string, options?: { replace?: boolean }) => void;
  shown: () => string;
  stop: () => void;
};

// wouter's browser location dispatches these for pushState/replaceState too (it patches History once).
const EVENTS = ['popstate', 'pushState', 'replaceState'] as const;

/**
 * The path the app shows follows the browser's, except while a page holds unsaved edits: a link, Back or Forward
 * then asks first (the page stays until the answer is Leave; Stay puts the address back). One store for the
 * whole app, so every link and route reads the same path.
 */
export function createGuardedLocation(win: LocationWindow, askLeave: AskLeave): GuardedLocation {
  const store = createStore(() => ({ path: win.location.pathname }));
  const onChange = () => {
    const next = win.location.pathname;
    const shown = store.getState().path;
    if (next === shown) return;
    askLeave(
      () => store.setState({ path: next }),
      () => win.history.replaceState(win.history.state, '', shown),
    );
  };
  for (const e of EVENTS) win.addEventListener(e, onChange);
  const navigate = (to: string, options?: { replace?: boolean }) => {
    if (to === win.location.pathname) return; // the link to the screen shown: no second history entry
    if (options?.replace) win.history.replaceState(null, '', to);
    else win.history.pushState(null, '', to);
    onChange(); // a plain History (tests) dispatches no event for pushState
  };
  const useGuardedPath = (): [string, typeof navigate] => [useStore(store, (s) => s.path), navigate];
  return {
    hook: useGuardedPath,
    navigate,
    shown: () => store.getState().path,
    stop: () => EVENTS.forEach((e) => win.removeEventListener(e, onChange)),
  };
}
