import type { UserAgentOptions } from 'sip.js';
import type { SipCredentials } from '../common/auth';
import type { PhoneStatus } from '../common/presence';
import { createCallControl, type CallOptions } from './call-control';
import { createCallMedia, type CallMedia } from './call-media';
import { createDeviceControl } from './device-control';
import { createTextControl } from './text-control';
import { defaultAudioConstraints, defaultCreateAudioElement, micConstraints } from './media';
import { createPhoneStore, selectPhoneStatus, type PhoneStore } from './phone-store';
import { createReconnector, defaultTimers, type Timers } from './reconnect';
import { createRegistration, type Registration } from './registration';
import type { PhoneRuntime } from './runtime';
import { setCause } from './session-binding';
import type { UserAgentLike } from './sip-types';
import { buildUserAgentOptions, createSipUserAgent } from './sip-user-agent';

export interface PhoneDeps {
  /** Defaults to a real sip.js UserAgent. */
  createUserAgent?: (options: UserAgentOptions) => UserAgentLike;
  /** Defaults to navigator.mediaDevices when there is one. */
  mediaDevices?: MediaDevices;
  /** Defaults to a detached autoplaying <audio> when there is a document. */
  createAudioElement?: () => HTMLAudioElement;
  /** Microphone processing; defaults to echo cancellation, noise suppression, auto gain on. */
  audioConstraints?: MediaTrackConstraints;
  iceServers?: RTCIceServer[];
  iceGatheringTimeout?: number;
  now?: () => number;
  setTimeout?: Timers['setTimeout'];
  clearTimeout?: Timers['clearTimeout'];
  /** How long an ended call stays in the list (ms). */
  endedCallLingerMs?: number;
  /** A call's audio was refused by the browser's autoplay policy (the agent must click the page). */
  onAudioRefused?: () => void;
  /**
   * The kept microphone and pre-warmed connections (call-media.ts); null: none (sip.js's default handler).
   * Defaults to the real one where the browser has RTCPeerConnection.
   */
  callMedia?: CallMediaLike | null;
  /** Called whenever registration or the ringing/active counts change (the companion derives presence). */
  onStatus?: (status: PhoneStatus) => void;
}

export type CallMediaLike = Pick<CallMedia, 'factory' | 'warm' | 'cool' | 'micStream' | 'state'>;
export type PrewarmState = ReturnType<CallMedia['state']>;

export interface Phone {
  store: PhoneStore;
  /**
   * May the phone keep the microphone open and a connection ready between calls? (Off by default: the app
   * turns it on while the agent is available to take calls.) It does so only while registered.
   */
  setPrewarm(allowed: boolean): void;
  /** Whether a connection is ready and the microphone held (tests, the bench). */
  prewarmState(): PrewarmState;
  /** Connects and registers; resolves once the first connection attempt is over (see the store). */
  start(credentials: SipCredentials): Promise<void>;
  /** Hangs up, unregisters, disconnects. Call it on sign-out. */
  stop(): Promise<void>;
  /**
   * REGISTERs again now, if connected. The companion learns registrations from Kamailio's report of each
   * REGISTER, so after the companion restarts (the feed reconnects) this tells it at once.
   */
  refreshRegistration(): void;
  /** Returns the new call's id. */
  call(target: string, options?: CallOptions): Promise<string>;
  /** Calls a customer's phone number presenting `callerId` (engagement mode optional); the new call's id. */
  callNumber(number: string, options?: Pick<CallOptions, 'callerId' | 'engagement'>): Promise<string>;
  /**
   * Texts a phone number (SIP MESSAGE). Who it is from is the server's decision, never ours; resolves once
   * the far side accepted it, throws with the refusal otherwise.
   */
  sendText(number: string, body: string): Promise<void>;
  answer(id: string): Promise<void>;
  decline(id: string): Promise<void>;
  hangup(id: string): Promise<void>;
  setMuted(id: string, muted: boolean): void;
  /** Resolves true once the far end accepted the hold/resume re-INVITE. */
  setHeld(id: string, held: boolean): Promise<boolean>;
  sendDtmf(id: string, digits: string): boolean;
  setInputDevice(deviceId: string): Promise<void>;
  setOutputDevice(deviceId: string): Promise<void>;
  refreshDevices(): Promise<void>;
  /** Plays the calls' audio again, once the browser allows sound (after the agent clicked). */
  resumeAudio(): void;
  /** Renewed ephemeral credentials: re-REGISTER with them; calls carry on. */
  updateCredentials(credentials: SipCredentials): Promise<void>;
  dismissCall(id: string): void;
  /** Whether `contact` (as the registrar reports it) is the one this phone registers. */
  ownsContact(contact: string): boolean;
  /** The far end's audio (for level meters and tests). */
  getRemoteStream(id: string): MediaStream | undefined;
}

const UNREACHABLE = 'SIP server unreachable';
const noop = () => undefined;

export function createPhone(deps: PhoneDeps = {}): Phone {
  const now = deps.now ?? Date.now;
  const timers: Timers = {
    setTimeout: deps.setTimeout ?? defaultTimers.setTimeout,
    clearTimeout: deps.clearTimeout ?? defaultTimers.clearTimeout,
  };
  const store = createPhoneStore({ now, ...timers, endedCallLingerMs: deps.endedCallLingerMs });
  const createUserAgent = deps.createUserAgent ?? createSipUserAgent;
  const mediaDevices = deps.mediaDevices ?? globalThis.navigator?.mediaDevices;
  let counter = 0;
  const callMedia =
    deps.callMedia !== undefined
      ? (deps.callMedia ?? undefined)
      : typeof RTCPeerConnection === 'undefined'
        ? undefined
        : createCallMedia({
            mediaDevices,
            iceServers: deps.iceServers,
            iceGatheringTimeout: deps.iceGatheringTimeout,
            timers,
            network: {
              online: globalThis.window,
              connection: (globalThis.navigator as { connection?: EventTarget } | undefined)?.connection,
            },
          });
  const rt: PhoneRuntime = {
    store,
    now,
    timers,
    mediaDevices,
    audioConstraints: deps.audioConstraints ?? defaultAudioConstraints,
    micStream: callMedia?.micStream,
    createAudioElement:
      deps.createAudioElement ?? (typeof document === 'undefined' ? undefined : defaultCreateAudioElement),
    onAudioRefused: deps.onAudioRefused,
    entries: new Map(),
    binding: undefined as unknown as PhoneRuntime['binding'],
    nextId: () => `call-${++counter}`,
  };
  const devices = createDeviceControl(rt);
  rt.binding = {
    store,
    now,
    attachAudio: devices.attachAudio,
    detachAudio: devices.detachAudio,
    release: (entry) => rt.entries.delete(entry.id),
  };
  const calls = createCallControl(rt);
  const setRegistration = (status: 'connecting' | 'failed' | 'unregistered', reason?: string) =>
    store.getState().setRegistration(reason ? { status, reason } : { status });

  if (deps.onStatus) {
    const onStatus = deps.onStatus;
    let last = selectPhoneStatus(store.getState());
    store.subscribe((state) => {
      const next = selectPhoneStatus(state);
      // The selector returns the same object until a field changes.
      if (next === last) return;
      last = next;
      onStatus(next);
    });
  }

  /** The microphone is kept and a connection pre-warmed only while allowed, started and registered. */
  let prewarmAllowed = false;
  const syncPrewarm = () => {
    if (!callMedia) return;
    const state = store.getState();
    if (prewarmAllowed && rt.ua && state.registration.status === 'registered')
      callMedia.warm(micConstraints(rt.audioConstraints, state.devices.inputId));
    else callMedia.cool();
  };
  store.subscribe(syncPrewarm);

  let registration: Registration | undefined;
  let connected = false;
  let hasConnected = false;
  const reconnector = createReconnector({
    timers,
    attempt: () => (rt.ua ? rt.ua.reconnect() : Promise.resolve()),
    onAttemptFailed: () => setRegistration('failed', UNREACHABLE),
  });

  /** After a drop the far end's BYE would go to our dead socket: re-INVITE so it finds us again. */
  const reinviteEstablished = () => {
    for (const entry of rt.entries.values()) {
      if (!entry.established || entry.session.state !== 'Established') continue;
      entry.session
        .invite({
          requestDelegate: {
            onReject: (response) => {
              const code = response.message.statusCode;
              if (code === 481 || code === 408) setCause(entry, 'network');
            },
          },
        })
        .catch(noop);
    }
  };

  const onConnect = () => {
    connected = true;
    reconnector.reset();
    setRegistration('connecting');
    registration?.register();
    if (hasConnected) reinviteEstablished();
    hasConnected = true;
  };

  const onDisconnect = () => {
    connected = false;
    setRegistration('connecting', 'Connection lost, reconnecting');
    reconnector.schedule();
  };

  const onDeviceChange = () => {
    void devices.refreshDevices().catch(noop);
    // A microphone plugged in after none could be opened: try again.
    if (callMedia && !callMedia.state().micHeld) {
      callMedia.cool();
      syncPrewarm();
    }
  };

  const stop = async (): Promise<void> => {
    const ua = rt.ua;
    reconnector.cancel();
    registration?.detach();
    registration = undefined;
    rt.ua = undefined;
    connected = false;
    callMedia?.cool();
    for (const entry of rt.entries.values()) {
      setCause(entry, 'hangup-local');
      devices.detachAudio(entry);
      store.getState().endCall(entry.id, entry.cause ?? 'hangup-local');
    }
    setRegistration('unregistered');
    rt.mediaDevices?.removeEventListener?.('devicechange', onDeviceChange);
    // sip.js's graceful stop sends BYE/CANCEL, unregisters, then closes the socket.
    if (ua) await ua.stop().catch(noop);
    rt.entries.clear();
  };

  const start = async (credentials: SipCredentials): Promise<void> => {
    if (rt.ua) await stop();
    const ua = createUserAgent(
      buildUserAgentOptions(credentials, {
        mediaDevices: deps.mediaDevices,
        iceServers: deps.iceServers,
        iceGatheringTimeout: deps.iceGatheringTimeout,
        sessionDescriptionHandlerFactory: callMedia?.factory,
      }),
    );
    rt.ua = ua;
    rt.credentials = credentials;
    hasConnected = false;
    registration = createRegistration(ua, store);
    ua.delegate = {
      onConnect: () => ua === rt.ua && onConnect(),
      onDisconnect: () => ua === rt.ua && onDisconnect(),
      onInvite: (invitation) => {
        if (ua === rt.ua) calls.adoptInvitation(invitation);
        else void invitation.reject({ statusCode: 480 }).catch(noop);
      },
    };
    setRegistration('connecting');
    rt.mediaDevices?.addEventListener?.('devicechange', onDeviceChange);
    void devices.refreshDevices().catch(noop);
    try {
      await ua.start();
    } catch {
      if (ua !== rt.ua) return;
      setRegistration('failed', UNREACHABLE);
      reconnector.schedule();
    }
  };

  const updateCredentials = async (credentials: SipCredentials): Promise<void> => {
    const ua = rt.ua;
    if (!ua || !rt.credentials || rt.credentials.uri !== credentials.uri) return start(credentials);
    rt.credentials = credentials;
    // sip.js reads these at every challenge, so the same UserAgent (and its calls) carries on.
    ua.configuration.authorizationUsername = credentials.username;
    ua.configuration.authorizationPassword = credentials.password;
    if (connected) registration?.renew();
  };

  return {
    store,
    setPrewarm: (allowed) => {
      prewarmAllowed = allowed;
      syncPrewarm();
    },
    prewarmState: () => callMedia?.state() ?? { pool: 'off', micHeld: false, warmCalls: 0 },
    start,
    stop,
    refreshRegistration: () => {
      if (connected) registration?.register();
    },
    call: calls.call,
    callNumber: calls.callNumber,
    sendText: createTextControl(rt),
    answer: calls.answer,
    decline: calls.decline,
    hangup: calls.hangup,
    setMuted: calls.setMuted,
    setHeld: calls.setHeld,
    sendDtmf: calls.sendDtmf,
    setInputDevice: devices.setInputDevice,
    setOutputDevice: devices.setOutputDevice,
    refreshDevices: devices.refreshDevices,
    resumeAudio: devices.resumeAudio,
    updateCredentials,
    dismissCall: (id) => store.getState().dismissCall(id),
    ownsContact: (contact) => {
      const user = rt.ua?.contact.uri.user;
      return user !== undefined && /^sips?:([^@;]+)@/i.exec(contact)?.[1] === user;
    },
    getRemoteStream: (id) => rt.entries.get(id)?.session.sessionDescriptionHandler?.remoteMediaStream,
  };
}
