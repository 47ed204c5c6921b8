import { createStore, type StoreApi } from 'zustand/vanilla';
import type { SipCredentials } from '../common/auth';
import { createPhoneStore, initialPhoneState, type Phone, type PhoneState } from '../sip';
import {
  createTabLeadership,
  type ChannelLike,
  type LockManagerLike,
  type TabLeadership,
  type TabRole,
} from './tab-leadership';

/**
 * The phone as every tab of the agent sees it. Only the tab that owns the phone (tab leadership) builds the
 * real one, registers and holds the calls; its store is copied into this tab's store and sent to the other
 * tabs, which mirror it. Their commands (answer, hang up, mute, hold, dial, …) run in the owner. When the
 * owner closes, the next tab builds its own phone and registers: calls held by the closed tab ended with it.
 */

/** What a follower may ask the owner to run: the phone's methods on calls and devices, nothing else. */
export const tabCommands = [
  'call',
  'callNumber',
  'sendText',
  'answer',
  'decline',
  'hangup',
  'setMuted',
  'setHeld',
  'sendDtmf',
  'setInputDevice',
  'setOutputDevice',
  'refreshDevices',
  'dismissCall',
] as const;
type TabCommand = (typeof tabCommands)[number];

export interface TabPhoneDeps {
  /** Builds the real phone; called only in the tab that owns it (each time it becomes the owner). */
  createPhone(): Phone;
  locks: LockManagerLike;
  openChannel(name: string): ChannelLike;
  tabId: string;
  onRole?(role: TabRole): void;
}

/** This tab's part: `owner` holds the phone (rings, notifies, asks before leaving); the others only show it. */
export type TabState = { role: TabRole | 'stopped' };
export const selectOwnsPhone = (s: TabState) => s.role === 'owner';

export type TabPhone = Phone & {
  role(): TabRole | 'stopped';
  /** The role, as a store components can follow. */
  tab: StoreApi<TabState>;
  /**
   * Kamailio's word on which contact holds the extension. Another one means another window (another browser)
   * registered since: this tab's phone lets go (once its calls have ended) and says so.
   */
  contactRegistered(contact: string): void;
  /** Registers this window's phone again, so it holds the phone (and the other window lets go). */
  takeBack(): Promise<void>;
};

const ELSEWHERE = {
  status: 'unregistered',
  reason: 'Your phone is active in another window',
  elsewhere: true,
} as const;
const hasLiveCall = (s: PhoneState) => s.calls.some((c) => c.status !== 'ended');

const noop = () => undefined;

export function createTabPhone(deps: TabPhoneDeps): TabPhone {
  const store = createPhoneStore();
  const tab = createStore<TabState>(() => ({ role: 'stopped' }));
  let owned: { phone: Phone; unsubscribe: () => void } | undefined;
  let leadership: TabLeadership<PhoneState> | undefined;
  let credentials: SipCredentials | undefined;
  let elsewhere = false;
  let letGo: (() => void) | undefined;
  /** What this tab shows and sends the others: the owner's phone, unless another window holds it. */
  const pick = (s: PhoneState): PhoneState => ({
    registration: elsewhere ? ELSEWHERE : s.registration,
    calls: s.calls,
    devices: s.devices,
  });
  const mirror = (state: PhoneState) => store.setState(pick(state));
  const role = (): TabState['role'] => (owned ? 'owner' : (leadership?.role() ?? 'stopped'));
  const syncRole = () => tab.getState().role !== role() && tab.setState({ role: role() });
  const share = () => {
    if (!owned) return;
    mirror(owned.phone.store.getState());
    leadership?.publish(pick(owned.phone.store.getState()));
  };

  function contactRegistered(contact: string): void {
    if (!owned || elsewhere) return;
    const phone = owned.phone;
    // Until our own REGISTER is answered, a report of another contact is older than ours.
    if (phone.store.getState().registration.status !== 'registered' || phone.ownsContact(contact)) return;
    elsewhere = true;
    share();
    // A call in progress goes on here until it ends; then the phone stops (no REGISTER refresh to win it back).
    const release = () => {
      if (hasLiveCall(phone.store.getState())) return;
      letGo?.();
      letGo = undefined;
      void phone.stop();
    };
    letGo = phone.store.subscribe(release);
    release();
  }

  async function takeBack(): Promise<void> {
    if (!owned) {
      if (leadership) await leadership.send('takeBack');
      return;
    }
    letGo?.();
    letGo = undefined;
    if (!elsewhere || !credentials) return;
    elsewhere = false;
    share();
    await owned.phone.start(credentials);
  }

  async function own(): Promise<void> {
    const phone = deps.createPhone();
    const unsubscribe = phone.store.subscribe((state) => {
      mirror(state);
      leadership?.publish(pick(state));
    });
    owned = { phone, unsubscribe };
    syncRole();
    mirror(phone.store.getState());
    if (credentials) await phone.start(credentials).catch(noop);
  }

  function run(name: string, args: unknown[]): unknown {
    if (!owned) throw new Error('This tab does not hold the phone');
    if (name === 'takeBack') return takeBack();
    if (!(tabCommands as readonly string[]).includes(name)) throw new Error(`Unknown phone command "${name}"`);
    const method = owned.phone[name as TabCommand] as (...a: unknown[]) => unknown;
    return method(...args);
  }

  /** Runs here when this tab owns the phone, else in the owner. */
  function send(name: TabCommand, ...args: unknown[]): Promise<unknown> {
    if (owned) return Promise.resolve().then(() => run(name, args));
    if (!leadership) return Promise.reject(new Error('The phone is not started'));
    return leadership.send(name, ...args);
  }

  /** A command whose answer the caller does not wait for (mute, DTMF, dismiss). */
  function fire(name: TabCommand, ...args: unknown[]): void {
    send(name, ...args).catch(noop);
  }

  async function start(c: SipCredentials): Promise<void> {
    credentials = c;
    if (owned) return owned.phone.start(c);
    if (leadership) return;
    // One lock and one channel per SIP identity: tabs of another agent in this browser never meet.
    const name = `switchboard-phone:${c.uri}`;
    leadership = createTabLeadership<PhoneState>({
      locks: deps.locks,
      channel: deps.openChannel(name),
      lockName: name,
      tabId: deps.tabId,
      onOwner: own,
      currentState: () => pick(store.getState()),
      runCommand: run,
      onState: (state) => {
        if (!owned) mirror(state);
      },
      onRole: (r) => {
        syncRole();
        deps.onRole?.(r);
      },
    });
    syncRole();
  }

  async function stop(): Promise<void> {
    const was = owned;
    owned = undefined;
    letGo?.();
    letGo = undefined;
    elsewhere = false;
    was?.unsubscribe();
    // Unregister before giving the lock up, so the next owner's REGISTER is the last word Kamailio hears.
    if (was) await was.phone.stop();
    leadership?.stop();
    leadership = undefined;
    credentials = undefined;
    syncRole();
    store.setState(initialPhoneState);
  }

  return {
    store,
    start,
    stop,
    role,
    tab,
    // Another window holds the phone: neither a feed reconnect nor new credentials register this one again.
    refreshRegistration: () => void (!elsewhere && owned?.phone.refreshRegistration()),
    updateCredentials: async (c) => {
      credentials = c;
      if (owned && !elsewhere) await owned.phone.updateCredentials(c);
    },
    contactRegistered,
    takeBack,
    ownsContact: (contact) => owned?.phone.ownsContact(contact) ?? false,
    call: (target, options) => send('call', target, options) as Promise<string>,
    callNumber: (number, options) => send('callNumber', number, options) as Promise<string>,
    sendText: (number, body) => send('sendText', number, body) as Promise<void>,
    answer: (id) => send('answer', id) as Promise<void>,
    decline: (id) => send('decline', id) as Promise<void>,
    hangup: (id) => send('hangup', id) as Promise<void>,
    setMuted: (id, muted) => fire('setMuted', id, muted),
    setHeld: (id, held) => send('setHeld', id, held) as Promise<boolean>,
    sendDtmf: (id, digits) => {
      if (owned) return owned.phone.sendDtmf(id, digits);
      fire('sendDtmf', id, digits);
      return leadership !== undefined;
    },
    setInputDevice: (id) => send('setInputDevice', id) as Promise<void>,
    setOutputDevice: (id) => send('setOutputDevice', id) as Promise<void>,
    // Before the phone starts there are no devices to list yet; the owner lists its own once it starts, so a
    // refresh lost while the phone moves to this tab (the owner closing, or the election of a first tab) is not missed.
    refreshDevices: async () => void (leadership && (await send('refreshDevices').catch(noop))),
    dismissCall: (id) => fire('dismissCall', id),
    getRemoteStream: (id) => owned?.phone.getRemoteStream(id),
    // The sound plays in the tab that owns the phone; a click in another tab unblocks only that tab's sound.
    resumeAudio: () => owned?.phone.resumeAudio(),
  };
}

/** The browser's Web Locks and BroadcastChannel; a browser without them gives every tab its own phone. */
export function browserTabs(): Pick<TabPhoneDeps, 'locks' | 'openChannel' | 'tabId'> {
  const locks: LockManagerLike = globalThis.navigator?.locks ?? { request: (_name, _options, callback) => callback() };
  const openChannel = (name: string): ChannelLike =>
    typeof BroadcastChannel === 'undefined'
      ? { postMessage: noop, addEventListener: noop, close: noop }
      : new BroadcastChannel(name);
  return { locks, openChannel, tabId: globalThis.crypto.randomUUID() };
}
