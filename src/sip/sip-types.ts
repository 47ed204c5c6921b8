// The slice of sip.js that the phone uses, as structural types. The real objects come from
// sip-user-agent.ts; unit tests pass a small fake. Keep this minimal.

export type SipSessionState = 'Initial' | 'Establishing' | 'Established' | 'Terminating' | 'Terminated';
export type SipRegistererState = 'Initial' | 'Registered' | 'Unregistered' | 'Terminated';

export interface Listenable<T> {
  addListener(listener: (value: T) => void): void;
}

export interface HeaderReader {
  getHeader(name: string): string | undefined;
}

export interface ResponseLike {
  message: HeaderReader & { statusCode: number; reasonPhrase: string };
}

export interface RequestDelegateLike {
  onAccept?(response: ResponseLike): void;
  onProgress?(response: ResponseLike): void;
  onReject?(response: ResponseLike): void;
}

/** The parts of sip.js's Web SessionDescriptionHandler we touch. */
export interface SdhLike {
  sendDtmf(tones: string): boolean;
  readonly peerConnection?: RTCPeerConnection;
  readonly remoteMediaStream?: MediaStream;
  readonly localMediaStream?: MediaStream;
}

export interface SdhOptionsLike {
  constraints?: MediaStreamConstraints;
  hold?: boolean;
}

export interface SessionDelegateLike {
  onBye?(bye: { accept(): Promise<void> }): void;
  onCancel?(cancel: { request: HeaderReader }): void;
  /** A re-INVITE from the far end was answered (statusCode 200) or refused. */
  onInvite?(request: { body: string }, response: string, statusCode: number): void;
  onSessionDescriptionHandler?(sdh: SdhLike, provisional: boolean): void;
}

export interface SessionLike {
  readonly id: string;
  readonly state: SipSessionState;
  readonly stateChange: Listenable<SipSessionState>;
  delegate: SessionDelegateLike | undefined;
  readonly sessionDescriptionHandler: SdhLike | undefined;
  sessionDescriptionHandlerOptionsReInvite: SdhOptionsLike;
  readonly remoteIdentity: { uri: { user?: string; toString(): string }; displayName: string };
  readonly request: HeaderReader & { callId: string };
  /** On an established session: a re-INVITE. */
  invite(options?: { requestDelegate?: RequestDelegateLike }): Promise<unknown>;
  bye(): Promise<unknown>;
}

export interface InvitationLike extends SessionLike {
  accept(options?: { sessionDescriptionHandlerOptions?: SdhOptionsLike }): Promise<void>;
  reject(options?: { statusCode?: number }): Promise<void>;
}

export interface InviterLike extends SessionLike {
  invite(options?: {
    requestDelegate?: RequestDelegateLike;
    sessionDescriptionHandlerOptions?: SdhOptionsLike;
  }): Promise<unknown>;
  cancel(): Promise<void>;
}

export interface InviterOptionsLike {
  extraHeaders?: string[];
  earlyMedia?: boolean;
  sessionDescriptionHandlerOptions?: SdhOptionsLike;
}

export interface RegistererLike {
  readonly state: SipRegistererState;
  readonly stateChange: Listenable<SipRegistererState>;
  register(options?: { requestDelegate?: RequestDelegateLike }): Promise<unknown>;
  /** Drops the Authorization the last REGISTER carried, so the next one is challenged afresh. */
  forgetAuthorization(): void;
}

export interface UserAgentDelegateLike {
  onConnect?(): void;
  onDisconnect?(error?: Error): void;
  onInvite?(invitation: InvitationLike): void;
}

export interface UserAgentLike {
  delegate: UserAgentDelegateLike | undefined;
  /** Read by sip.js at every auth challenge, so renewed credentials apply in place. */
  readonly configuration: { authorizationUsername?: string; authorizationPassword?: string };
  /** The Contact this user agent registers (sip.js makes its user part up, unique per user agent). */
  readonly contact: { uri: { user?: string } };
  start(): Promise<void>;
  stop(): Promise<void>;
  reconnect(): Promise<void>;
  createRegisterer(): RegistererLike;
  /** target: a full SIP URI string. */
  createInviter(target: string, options: InviterOptionsLike): InviterLike;
  /** Sends one SIP MESSAGE; resolves with the final status. */
  sendMessage(target: string, body: string): Promise<{ statusCode: number; reasonPhrase: string }>;
}
