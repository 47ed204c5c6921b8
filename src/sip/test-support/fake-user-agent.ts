// A stand-in for sip.js, implementing only what UserAgentLike asks for. Tests drive it by hand:
// connect()/drop() the transport, accept()/reject() REGISTERs, ring() incoming calls.
import type { UserAgentOptions } from 'sip.js';
import type {
  InvitationLike,
  InviterLike,
  InviterOptionsLike,
  RegistererLike,
  RequestDelegateLike,
  ResponseLike,
  SdhLike,
  SdhOptionsLike,
  SessionDelegateLike,
  SipRegistererState,
  SipSessionState,
  UserAgentDelegateLike,
  UserAgentLike,
} from '../sip-types';

export class Emitter<T> {
  private listeners: ((value: T) => void)[] = [];
  addListener(listener: (value: T) => void) {
    this.listeners.push(listener);
  }
  emit(value: T) {
    for (const l of [...this.listeners]) l(value);
  }
}

export function response(statusCode: number, reasonPhrase = '', headers: Record<string, string> = {}): ResponseLike {
  return { message: { statusCode, reasonPhrase, getHeader: (name) => headers[name.toLowerCase()] } };
}

export function fakeTrack(label = 'mic'): MediaStreamTrack {
  return { kind: 'audio', label, enabled: true, stop: vi.fn() } as unknown as MediaStreamTrack;
}

export class FakeSdh implements SdhLike {
  dtmf: string[] = [];
  sender = {
    track: fakeTrack() as MediaStreamTrack | null,
    replaceTrack: vi.fn(async (track: MediaStreamTrack | null) => {
      this.sender.track = track;
    }),
  };
  readonly peerConnection = { getSenders: () => [this.sender] } as unknown as RTCPeerConnection;
  readonly remoteMediaStream = {
    id: 'remote',
    addEventListener: vi.fn(),
  } as unknown as MediaStream;
  readonly localMediaStream = { addTrack: vi.fn(), removeTrack: vi.fn() } as unknown as MediaStream;
  sendDtmf(tones: string) {
    this.dtmf.push(tones);
    return true;
  }
}

export interface SentReInvite {
  hold: boolean | undefined;
  delegate: RequestDelegateLike | undefined;
}

export class FakeSession {
  state: SipSessionState = 'Initial';
  readonly stateChange = new Emitter<SipSessionState>();
  delegate: SessionDelegateLike | undefined;
  sessionDescriptionHandler: FakeSdh | undefined;
  sessionDescriptionHandlerOptionsReInvite: SdhOptionsLike = {};
  reInvites: SentReInvite[] = [];
  bye = vi.fn(async () => {
    this.to('Terminated');
  });
  constructor(
    readonly id: string,
    readonly remoteIdentity: { uri: { user?: string; toString(): string }; displayName: string },
    readonly request = { callId: `${id}@test`, getHeader: (_name: string): string | undefined => undefined },
  ) {}

  to(state: SipSessionState) {
    this.state = state;
    this.stateChange.emit(state);
  }
  establish() {
    this.sessionDescriptionHandler ??= new FakeSdh();
    this.to('Established');
  }
  invite(options?: { requestDelegate?: RequestDelegateLike }): Promise<unknown> {
    this.reInvites.push({
      hold: this.sessionDescriptionHandlerOptionsReInvite.hold,
      delegate: options?.requestDelegate,
    });
    return Promise.resolve();
  }
  lastReInvite(): SentReInvite {
    const last = this.reInvites.at(-1);
    if (!last) throw new Error('no re-INVITE sent');
    return last;
  }
}

function identity(user: string, displayName = '') {
  return { uri: { user, toString: () => `sip:${user}@example.test` }, displayName };
}

export class FakeInvitation extends FakeSession implements InvitationLike {
  progress = vi.fn();
  accept = vi.fn(async (_options?: { sessionDescriptionHandlerOptions?: SdhOptionsLike }) => {
    this.to('Establishing');
    this.establish();
  });
  reject = vi.fn(async (_options?: { statusCode?: number }) => {
    this.to('Terminated');
  });
  constructor(id: string, from: string, displayName = '') {
    super(id, identity(from, displayName));
  }
  /** The caller gave up (or another phone answered, with a Reason header). */
  cancelledByCaller(reason?: string) {
    this.delegate?.onCancel?.({ request: { getHeader: (n) => (n.toLowerCase() === 'reason' ? reason : undefined) } });
    this.to('Terminated');
  }
}

export class FakeInviter extends FakeSession implements InviterLike {
  initial: { requestDelegate?: RequestDelegateLike; sessionDescriptionHandlerOptions?: SdhOptionsLike } | undefined;
  cancel = vi.fn(async () => undefined);
  constructor(
    id: string,
    readonly target: string,
    readonly options: InviterOptionsLike,
  ) {
    super(id, identity(target.replace(/^sip:|@.*$/g, '')));
  }
  override invite(options?: {
    requestDelegate?: RequestDelegateLike;
    sessionDescriptionHandlerOptions?: SdhOptionsLike;
  }): Promise<unknown> {
    if (this.state !== 'Initial') return super.invite(options);
    this.initial = options ?? {};
    this.to('Establishing');
    return Promise.resolve();
  }
  progress(code: number) {
    this.initial?.requestDelegate?.onProgress?.(response(code));
  }
  answered() {
    this.initial?.requestDelegate?.onAccept?.(response(200));
    this.establish();
  }
  /** Like sip.js: the session is Terminated first, then the request delegate hears the final response. */
  rejected(code: number, phrase = '') {
    this.to('Terminated');
    this.initial?.requestDelegate?.onReject?.(response(code, phrase));
  }
}

export class FakeRegisterer implements RegistererLike {
  state: SipRegistererState = 'Initial';
  readonly stateChange = new Emitter<SipRegistererState>();
  sent: { delegate: RequestDelegateLike | undefined; username: string | undefined }[] = [];
  pending = false;
  /** How often the cached Authorization was dropped (new credentials). */
  forgotten = 0;
  forgetAuthorization() {
    this.forgotten++;
  }
  constructor(private readonly ua: FakeUserAgent) {}
  register(options?: { requestDelegate?: RequestDelegateLike }): Promise<unknown> {
    if (this.pending) return Promise.reject(new Error('REGISTER request already in progress'));
    this.pending = true;
    this.sent.push({ delegate: options?.requestDelegate, username: this.ua.configuration.authorizationUsername });
    return Promise.resolve();
  }
  private last() {
    const last = this.sent.at(-1);
    if (!last) throw new Error('no REGISTER sent');
    this.pending = false;
    return last;
  }
  accept() {
    const last = this.last();
    this.state = 'Registered';
    this.stateChange.emit('Registered');
    last.delegate?.onAccept?.(response(200));
  }
  reject(code: number, phrase = '') {
    const last = this.last();
    this.state = 'Unregistered';
    this.stateChange.emit('Unregistered');
    last.delegate?.onReject?.(response(code, phrase));
  }
}

export class FakeUserAgent implements UserAgentLike {
  delegate: UserAgentDelegateLike | undefined;
  readonly configuration: { authorizationUsername?: string; authorizationPassword?: string };
  registerers: FakeRegisterer[] = [];
  readonly contact = { uri: { user: `fake${Math.random().toString(36).slice(2, 10)}` } };
  inviters: FakeInviter[] = [];
  /** Whether the next start()/reconnect() reaches the server. */
  reachable = true;
  private sessions = 0;
  start = vi.fn(() => this.connectAttempt());
  reconnect = vi.fn(() => this.connectAttempt());
  stop = vi.fn(async () => undefined);
  /** Texts sent, and the final status the fake far end answers with. */
  texts: { target: string; body: string }[] = [];
  textStatus = 202;
  sendMessage = vi.fn(async (target: string, body: string) => {
    this.texts.push({ target, body });
    return { statusCode: this.textStatus, reasonPhrase: '' };
  });
  constructor(readonly options: UserAgentOptions) {
    this.configuration = {
      authorizationUsername: options.authorizationUsername,
      authorizationPassword: options.authorizationPassword,
    };
  }
  private async connectAttempt() {
    await Promise.resolve(); // the WebSocket opens asynchronously
    if (!this.reachable) throw new Error('WebSocket connection failed');
    this.delegate?.onConnect?.();
  }
  drop() {
    this.delegate?.onDisconnect?.(new Error('WebSocket closed (code: 1006)'));
  }
  get registerer(): FakeRegisterer {
    const last = this.registerers.at(-1);
    if (!last) throw new Error('no Registerer created');
    return last;
  }
  createRegisterer() {
    const registerer = new FakeRegisterer(this);
    this.registerers.push(registerer);
    return registerer;
  }
  createInviter(target: string, options: InviterOptionsLike) {
    const inviter = new FakeInviter(`out-${++this.sessions}`, target, options);
    this.inviters.push(inviter);
    return inviter;
  }
  ring(from: string, displayName = ''): FakeInvitation {
    const invitation = new FakeInvitation(`in-${++this.sessions}`, from, displayName);
    this.delegate?.onInvite?.(invitation);
    return invitation;
  }
}

/** setTimeout/clearTimeout on a clock that only moves when the test says so. */
export function manualTimers() {
  let clock = 0;
  let nextId = 0;
  const queue = new Map<number, { at: number; ms: number; fn: () => void }>();
  return {
    now: () => clock,
    setTimeout: (fn: () => void, ms: number): unknown => {
      queue.set(++nextId, { at: clock + ms, ms, fn });
      return nextId;
    },
    clearTimeout: (handle: unknown) => {
      queue.delete(handle as number);
    },
    /** Delays (ms) of the timers still waiting. */
    pending: () => [...queue.values()].map((t) => t.ms),
    async advance(ms: number) {
      clock += ms;
      const due = [...queue.entries()].filter(([, t]) => t.at <= clock).sort((a, b) => a[1].at - b[1].at);
      for (const [id, t] of due) {
        queue.delete(id);
        t.fn();
      }
      await flush();
    },
  };
}

/** Lets pending promise callbacks run. */
export const flush = () => new Promise<void>((resolve) => setImmediate(resolve));
