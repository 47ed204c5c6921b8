import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PhoneStatus } from '../common/presence';
import type { EndCause } from './end-causes';

export type RegistrationStatus = 'unregistered' | 'connecting' | 'registered' | 'failed';
export interface Registration {
  status: RegistrationStatus;
  /** Human text for 'failed' (and for 'connecting' after a drop). */
  reason?: string;
  /** Another window (another browser) of the agent registered since: it holds the phone now. */
  elsewhere?: boolean;
}

export type CallDirection = 'inbound' | 'outbound';
export type CallStatus = 'ringing' | 'dialing' | 'early' | 'active' | 'held' | 'ended';

export interface CallSnapshot {
  /** Our own id, stable for the life of the call. */
  id: string;
  /** The SIP Call-ID, for matching the companion's feed events to this call. */
  sipCallId: string;
  direction: CallDirection;
  status: CallStatus;
  remote: { uri: string; user: string; displayName: string };
  /** Outbound: the caller ID we asked to present. */
  callerId?: string;
  /** Outbound: asked for engagement mode. */
  engagement?: boolean;
  /** Why the server refused the call, in its words (shown instead of the generic end cause). */
  endReason?: string;
  /** Epoch ms when the call was answered. */
  startedAt?: number;
  createdAt: number;
  /** Epoch ms when the call ended. */
  endedAt?: number;
  muted: boolean;
  /** We put the call on hold. */
  held: boolean;
  /** The far end put us on hold. */
  remoteHeld: boolean;
  /** Our last hold or resume was refused by the far end (the call goes on as it was). */
  holdRefused?: boolean;
  endCause?: EndCause;
}

export interface AudioDevice {
  deviceId: string;
  label: string;
}
export interface Devices {
  inputs: AudioDevice[];
  outputs: AudioDevice[];
  inputId?: string;
  outputId?: string;
}

export interface PhoneState {
  registration: Registration;
  calls: CallSnapshot[];
  devices: Devices;
}

export interface PhoneActions {
  setRegistration(registration: Registration): void;
  addCall(call: CallSnapshot): void;
  updateCall(id: string, patch: Partial<Omit<CallSnapshot, 'id'>>): void;
  /** Marks the call ended; it stays listed for `endedCallLingerMs`, then disappears. */
  endCall(id: string, cause: EndCause): void;
  /** Removes a call from the list now (the UI's "dismiss" on an ended call). */
  dismissCall(id: string): void;
  setDevices(patch: Partial<Devices>): void;
}

export type PhoneStoreState = PhoneState & PhoneActions;
export type PhoneStore = StoreApi<PhoneStoreState>;

export interface PhoneStoreOptions {
  now?: () => number;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
  /** How long an ended call stays visible. */
  endedCallLingerMs?: number;
}

export const initialPhoneState: PhoneState = {
  registration: { status: 'unregistered' },
  calls: [],
  devices: { inputs: [], outputs: [] },
};

export function createPhoneStore(options: PhoneStoreOptions = {}): PhoneStore {
  const now = options.now ?? Date.now;
  const setTimer = options.setTimeout ?? ((fn, ms) => globalThis.setTimeout(fn, ms));
  const clearTimer = options.clearTimeout ?? ((h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>));
  const lingerMs = options.endedCallLingerMs ?? 5000;
  const removalTimers = new Map<string, unknown>();

  return createStore<PhoneStoreState>()((set, get) => {
    const patchCall = (id: string, patch: Partial<CallSnapshot>) =>
      set((s) => ({ calls: s.calls.map((c) => (c.id === id ? { ...c, ...patch } : c)) }));

    return {
      ...initialPhoneState,
      setRegistration: (registration) => set({ registration }),
      addCall: (call) => set((s) => ({ calls: [...s.calls, call] })),
      updateCall: (id, patch) => patchCall(id, patch),
      endCall: (id, cause) => {
        const call = get().calls.find((c) => c.id === id);
        if (!call || call.status === 'ended') return;
        patchCall(id, { status: 'ended', endCause: cause, endedAt: now() });
        removalTimers.set(
          id,
          setTimer(() => get().dismissCall(id), lingerMs),
        );
      },
      dismissCall: (id) => {
        const timer = removalTimers.get(id);
        if (timer !== undefined) clearTimer(timer);
        removalTimers.delete(id);
        set((s) => ({ calls: s.calls.filter((c) => c.id !== id) }));
      },
      setDevices: (patch) => set((s) => ({ devices: { ...s.devices, ...patch } })),
    };
  });
}

// Selectors. Those deriving arrays or objects are memoised on their inputs so React's
// useSyncExternalStore sees a stable value between unrelated updates.

export const selectRegistration = (s: PhoneState): Registration => s.registration;
export const selectCalls = (s: PhoneState): CallSnapshot[] => s.calls;
export const selectDevices = (s: PhoneState): Devices => s.devices;

export const selectCall =
  (id: string) =>
  (s: PhoneState): CallSnapshot | undefined =>
    s.calls.find((c) => c.id === id);

const isLive = (c: CallSnapshot) => c.status !== 'ended';
const isInProgress = (c: CallSnapshot) =>
  c.status === 'dialing' || c.status === 'early' || c.status === 'active' || c.status === 'held';

/** The call the agent is talking on now: answered and not on hold, else the one being dialled. */
export const selectActiveCall = (s: PhoneState): CallSnapshot | undefined =>
  s.calls.find((c) => c.status === 'active') ?? s.calls.find((c) => c.status === 'early' || c.status === 'dialing');

function memoOnCalls<T>(derive: (calls: CallSnapshot[]) => T): (s: PhoneState) => T {
  let lastCalls: CallSnapshot[] | undefined;
  let lastResult!: T;
  return (s) => {
    if (s.calls !== lastCalls) {
      lastCalls = s.calls;
      lastResult = derive(s.calls);
    }
    return lastResult;
  };
}

export const selectIncomingCalls = memoOnCalls((calls) =>
  calls.filter((c) => c.direction === 'inbound' && c.status === 'ringing'),
);
export const selectHeldCalls = memoOnCalls((calls) => calls.filter((c) => c.status === 'held'));
export const selectLiveCalls = memoOnCalls((calls) => calls.filter(isLive));
export const selectEndedCalls = memoOnCalls((calls) => calls.filter((c) => c.status === 'ended'));

const isConnected = (c: CallSnapshot) => c.status === 'active' || c.status === 'held';

let lastStatus: PhoneStatus = { registration: 'unregistered', ringing: 0, activeCalls: 0, connected: 0 };
/** What the companion needs to derive presence. */
export const selectPhoneStatus = (s: PhoneState): PhoneStatus => {
  const next: PhoneStatus = {
    registration: s.registration.status,
    ringing: s.calls.filter((c) => c.status === 'ringing').length,
    activeCalls: s.calls.filter(isInProgress).length,
    connected: s.calls.filter(isConnected).length,
  };
  if (
    next.registration === lastStatus.registration &&
    next.ringing === lastStatus.ringing &&
    next.activeCalls === lastStatus.activeCalls &&
    next.connected === lastStatus.connected
  ) {
    return lastStatus;
  }
  lastStatus = next;
  return next;
};
