import { isTyping } from './typing';

export type ShortcutId = 'answer' | 'decline' | 'hang-up' | 'mute' | 'hold' | 'dialer' | 'help';

/** The phone's shortcuts: single keys, as in a mail client; listed in this order in the help dialog. */
export const shortcuts: readonly { id: ShortcutId; key: string; label: string; what: string }[] = [
  { id: 'answer', key: 'a', label: 'A', what: 'Answer the ringing call' },
  { id: 'decline', key: 'd', label: 'D', what: 'Decline the ringing call' },
  { id: 'hang-up', key: 'e', label: 'E', what: 'End the call (hang up)' },
  { id: 'mute', key: 'm', label: 'M', what: 'Mute or unmute' },
  { id: 'hold', key: 'h', label: 'H', what: 'Hold or resume' },
  { id: 'dialer', key: '/', label: '/', what: 'Go to the number field of the dialer' },
  { id: 'help', key: '?', label: '?', what: 'Show these shortcuts' },
];

type KeyLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'repeat' | 'defaultPrevented'> & {
  target: EventTarget | null;
};

/**
 * The shortcut a key press means, or null: never while typing in a field, never with Ctrl, Cmd or Alt (the
 * browser's and the system's own shortcuts), never for a held-down key repeating, never while a dialog is open.
 */
export function shortcutFor(e: KeyLike, dialogOpen: boolean): ShortcutId | null {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.repeat || dialogOpen) return null;
  if (isTyping(e.target instanceof Element ? e.target : null)) return null;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  return shortcuts.find((s) => s.key === key)?.id ?? null;
}
