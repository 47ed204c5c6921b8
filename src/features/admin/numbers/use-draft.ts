import { useState } from 'react';

/**
 * A section's form: the draft, whether it differs from what is saved, and a reset to what is saved.
 * After a successful save the draft becomes the server's answer (normalised numbers and all).
 */
export function useDraft<T>(saved: T) {
  const [draft, setDraft] = useState<T>(saved);
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  return { draft, setDraft, dirty, discard: () => setDraft(saved) };
}
