import { useCallback, useEffect, useId, useRef, useState, type SetStateAction } from 'react';
import { markDirty } from './unsaved-changes';
import { focusFirstError } from './first-error';

type Options<T, V> = {
  /** The settings as the server has them now. */
  saved: T;
  /** Sends the draft; resolves to the server's answer (the settings as they now stand). */
  save: (draft: T) => Promise<V>;
  /** The server's answer as a draft (normalised numbers and all). */
  fromSaved: (view: V) => T;
};

export type SettingsForm<T> = {
  draft: T;
  setDraft: (next: SetStateAction<T>) => void;
  /** The draft differs from what is saved. */
  dirty: boolean;
  pending: boolean;
  /** The last save went through and nothing changed since. */
  saved: boolean;
  error: unknown;
  /** Resolves true once the server took the draft, false when it refused it (the error says why). */
  save: () => Promise<boolean>;
  discard: () => void;
  /** The element holding the form's fields: its first error gets focus after a refused save. */
  formRef: React.RefObject<HTMLElement | null>;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * One settings form of the admin console: the draft of what is saved, whether it changed, saving, the outcome,
 * and the ways out. While the draft differs from what is saved the page warns before it is left (unsaved-changes.ts);
 * a refused save leaves the draft as typed and takes the admin to the first error. When the saved settings change
 * underneath (another admin's save, a refetch) an untouched form follows them; a form being edited keeps the edits.
 */
export function useSettingsForm<T, V>({ saved, save, fromSaved }: Options<T, V>): SettingsForm<T> {
  const id = useId();
  const [base, setBase] = useState(saved);
  const [draft, setDraftState] = useState(saved);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [justSaved, setJustSaved] = useState(false);
  const formRef = useRef<HTMLElement | null>(null);
  const dirty = !same(draft, base);

  if (!same(saved, base) && !dirty && !pending) {
    setBase(saved);
    setDraftState(saved);
  }

  useEffect(() => {
    markDirty(id, dirty);
  }, [id, dirty]);
  useEffect(() => () => markDirty(id, false), [id]);
  useEffect(() => {
    if (error) focusFirstError(formRef.current);
  }, [error]);

  const setDraft = useCallback((next: SetStateAction<T>) => {
    setDraftState(next);
    setJustSaved(false);
  }, []);

  const submit = async () => {
    setPending(true);
    setError(null);
    try {
      const next = fromSaved(await save(draft));
      setBase(next);
      setDraftState(next);
      setJustSaved(true);
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setPending(false);
    }
  };

  return {
    draft,
    setDraft,
    dirty,
    pending,
    saved: justSaved && !dirty,
    error,
    save: submit,
    discard: () => {
      setDraftState(base);
      setError(null);
      setJustSaved(false);
    },
    formRef,
  };
}
