import { createStore } from 'zustand/vanilla';

/** How much a toast matters; shown by its colour and by a word (`toneLabel`), never by colour alone. */
export type ToastTone = 'info' | 'success' | 'warning' | 'error';

export type ToastInput = {
  title: string;
  body?: string;
  tone?: ToastTone;
  /** One button beside the words ("Open"); `altText` says how else to get there, for screen readers. */
  action?: { label: string; altText: string; run: () => void };
  /** A toast with the id of one still shown replaces it ("connection lost" gives way to "connection back"). */
  id?: string;
};
export type Toast = Required<Pick<ToastInput, 'title' | 'tone' | 'id'>> &
  Omit<ToastInput, 'title' | 'tone' | 'id'> & {
    /** New for every `notify`, so a replacement is a new toast: announced and timed afresh. */
    key: number;
  };

/** The words beside the colour. */
export const toneLabel: Record<ToastTone, string> = {
  info: 'Info',
  success: 'Done',
  warning: 'Warning',
  error: 'Problem',
};

/** At most this many at once: the oldest goes first. */
export const MAX_TOASTS = 4;

/**
 * The page's toasts: background events an agent must not miss. One store for the page, like the unsaved-changes
 * store: any feature calls `notify`, the toast viewport (toast-viewport.tsx) shows and announces them.
 */
export const toasts = createStore<{ list: Toast[] }>(() => ({ list: [] }));

let next = 0;

/** Shows a toast; returns its id. */
export function notify(input: ToastInput): string {
  const key = ++next;
  const toast: Toast = { ...input, tone: input.tone ?? 'info', id: input.id ?? `toast-${key}`, key };
  toasts.setState(({ list }) => ({ list: [...list.filter((t) => t.id !== toast.id), toast].slice(-MAX_TOASTS) }));
  return toast.id;
}

export function dismissToast(id: string): void {
  toasts.setState(({ list }) => ({ list: list.filter((t) => t.id !== id) }));
}

export const clearToasts = (): void => toasts.setState({ list: [] });
