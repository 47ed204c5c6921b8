import type { getCountryCallingCode, parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * The numbering plan (libphonenumber-js and its metadata), loaded on first use rather than with the page: the
 * phone does not need it to start, and numbers read as E.164 until it is in (see `phoneText`).
 */
export type NumberingPlan = {
  parsePhoneNumberFromString: typeof parsePhoneNumberFromString;
  getCountryCallingCode: typeof getCountryCallingCode;
};

let plan: NumberingPlan | null = null;
let loading: Promise<NumberingPlan> | null = null;
const listeners = new Set<() => void>();

/** The plan once it is in, else null. */
export const numberingPlan = (): NumberingPlan | null => plan;

/** Loads the plan once; every later call gets the same promise. */
export function loadNumberingPlan(): Promise<NumberingPlan> {
  // Only what is named here is fetched (the rest of the library is left out of the chunk).
  loading ??= import('libphonenumber-js').then(({ parsePhoneNumberFromString, getCountryCallingCode }) => {
    plan = { parsePhoneNumberFromString, getCountryCallingCode };
    for (const listener of listeners) listener();
    return plan;
  });
  return loading;
}

/** Called once when the plan arrives (for `useSyncExternalStore`: numbers shown before it re-render). */
export function onNumberingPlan(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
