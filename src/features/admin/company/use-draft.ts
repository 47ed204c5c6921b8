import { useState } from 'react';

/**
 * A form's draft of saved data: whether it differs from what is saved, and a reset to it.
 * After a save, `setDraft` with the server's answer (normalised numbers and all).
 */
export function useDraft<T>(saved: T) {
  const [draft, setDraft] = useState<T>(saved);
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  return { draft, setDraft, dirty, discard: () => setDraft(saved) };
}
