import { createStore } from 'zustand/vanilla';

/**
 * Which settings forms hold unsaved edits, and a leave that waits for the admin's answer. One store for the page:
 * any in-app way out (back to a list, another admin tab, leaving the admin console) asks `requestLeave`, and the
 * browser's own ways out (reload, close, typing a URL) get the browser's warning while anything is unsaved.
 */
type State = { dirty: ReadonlySet<string>; pendingLeave: (() => void) | null; pendingStay: (() => void) | null };

export const unsavedChanges = createStore<State>(() => ({ dirty: new Set(), pendingLeave: null, pendingStay: null }));

function onBeforeUnload(e: BeforeUnloadEvent) {
  e.preventDefault();
  e.returnValue = '';
}

export function markDirty(formId: string, dirty: boolean): void {
  const { dirty: current } = unsavedChanges.getState();
  if (current.has(formId) === dirty) return;
  const next = new Set(current);
  if (dirty) next.add(formId);
  else next.delete(formId);
  unsavedChanges.setState({ dirty: next });
  if (typeof window === 'undefined') return;
  if (current.size === 0 && next.size > 0) window.addEventListener('beforeunload', onBeforeUnload);
  if (current.size > 0 && next.size === 0) window.removeEventListener('beforeunload', onBeforeUnload);
}

export const hasUnsavedChanges = (): boolean => unsavedChanges.getState().dirty.size > 0;

/**
 * Runs `leave` now when nothing is unsaved; otherwise asks first (UnsavedChangesDialog), and runs it only on
 * "Leave" (`stay` on "Stay": the app's address goes back to the page kept).
 */
export function requestLeave(leave: () => void, stay?: () => void): void {
  if (!hasUnsavedChanges()) leave();
  else unsavedChanges.setState({ pendingLeave: leave, pendingStay: stay ?? null });
}

/** The admin's answer to the question `requestLeave` asked. */
export function answerLeave(leave: boolean): void {
  const { pendingLeave: pending, pendingStay } = unsavedChanges.getState();
  unsavedChanges.setState({ pendingLeave: null, pendingStay: null });
  if (!leave) pendingStay?.();
  if (leave && pending) {
    // The edits are given up: forms about to unmount must not hold the page back any more.
    for (const id of unsavedChanges.getState().dirty) markDirty(id, false);
    pending();
  }
}
