import type { CallSnapshot, PhoneStore } from '../../sip/phone-store';

/**
 * Runs `fn` once for each listed call the first time it matches `when`. What it remembers is the ids of calls
 * still listed: a call's id is forgotten once the store drops the call (ids are never reused), so a page that
 * takes thousands of calls keeps nothing per call.
 */
export function eachNewCall(
  store: PhoneStore,
  when: (call: CallSnapshot) => boolean,
  fn: (call: CallSnapshot) => void,
): () => void {
  let done = new Set<string>();
  let listed: CallSnapshot[] | undefined;
  return store.subscribe((state) => {
    if (state.calls === listed) return;
    listed = state.calls;
    const still = new Set<string>();
    for (const c of state.calls) {
      if (done.has(c.id)) still.add(c.id);
      else if (when(c)) {
        still.add(c.id);
        fn(c);
      }
    }
    done = still;
  });
}
