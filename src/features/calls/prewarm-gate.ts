import type { PresenceState } from '../../common/presence';
import type { PresenceStoreState } from '../presence/presence-store';

/**
 * When the phone may keep the microphone open and a connection ready between calls: the agent is signed in
 * (this runs only then), has not turned it off in Audio devices, and is taking calls. Away, Do not disturb,
 * wrap-up, offline (a health problem included) and signed out let the microphone go.
 */
export const prewarmStates: readonly PresenceState[] = ['available', 'ringing', 'on-call'];

const KEY = 'switchboard.prewarm';
const listeners = new Set<() => void>();

export function prewarmSetting(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): boolean {
  return storage?.getItem(KEY) !== 'off';
}

export function setPrewarmSetting(on: boolean, storage: Pick<Storage, 'setItem'> = globalThis.localStorage): void {
  storage.setItem(KEY, on ? 'on' : 'off');
  listeners.forEach((fn) => fn());
}

export interface PrewarmGateDeps {
  presence: { getState(): PresenceStoreState; subscribe(fn: (s: PresenceStoreState) => void): () => void };
  staffId: string;
  phone: { setPrewarm(allowed: boolean): void };
  storage?: Pick<Storage, 'getItem'>;
}

/** Tells the phone whether it may pre-warm, now and at every change; returns the stop (which turns it off). */
export function watchPrewarm(deps: PrewarmGateDeps): () => void {
  let last: boolean | undefined;
  const apply = () => {
    const state = deps.presence.getState().byStaff.get(deps.staffId)?.state;
    const allowed = prewarmSetting(deps.storage) && state !== undefined && prewarmStates.includes(state);
    if (allowed === last) return;
    last = allowed;
    deps.phone.setPrewarm(allowed);
  };
  const unsubscribe = deps.presence.subscribe(apply);
  listeners.add(apply);
  apply();
  return () => {
    unsubscribe();
    listeners.delete(apply);
    deps.phone.setPrewarm(false);
  };
}
