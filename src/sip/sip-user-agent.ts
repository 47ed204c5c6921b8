// The one place that constructs sip.js objects.
import {
  Inviter,
  Messager,
  Registerer,
  UserAgent,
  Web,
  type SessionDescriptionHandlerFactory,
  type UserAgentOptions,
} from 'sip.js';
import type { SipCredentials } from '../common/auth';
import { sipDisplayName } from '../common/domain/sip-display-name';
import type {
  InvitationLike,
  InviterLike,
  InviterOptionsLike,
  RegistererLike,
  UserAgentDelegateLike,
  UserAgentLike,
} from './sip-types';

export interface UserAgentConfig {
  mediaDevices?: MediaDevices;
  iceServers?: RTCIceServer[];
  /** ms to wait for ICE candidates before sending the SDP. */
  iceGatheringTimeout?: number;
  /** The phone's own (call-media.ts: pre-warmed offers, the kept microphone); else sip.js's default. */
  sessionDescriptionHandlerFactory?: SessionDescriptionHandlerFactory;
}

export function buildUserAgentOptions(credentials: SipCredentials, config: UserAgentConfig = {}): UserAgentOptions {
  const uri = UserAgent.makeURI(credentials.uri);
  if (!uri) throw new Error(`Invalid SIP URI: ${credentials.uri}`);
  const mediaDevices = config.mediaDevices;
  return {
    uri,
    // Escaped again here: whatever the server sent, it never ends the quoted From display name.
    displayName: sipDisplayName(credentials.displayName),
    authorizationUsername: credentials.username,
    authorizationPassword: credentials.password,
    transportOptions: { server: credentials.wsUrl },
    logLevel: 'warn',
    // We reconnect ourselves (reconnect.ts): sip.js's own retry gives up and never re-registers.
    reconnectionAttempts: 0,
    userAgentString: 'Switchboard',
    sessionDescriptionHandlerFactory:
      config.sessionDescriptionHandlerFactory ??
      Web.defaultSessionDescriptionHandlerFactory(
        mediaDevices ? (constraints) => getMedia(mediaDevices, constraints) : undefined,
      ),
    sessionDescriptionHandlerFactoryOptions: {
      peerConnectionConfiguration: { iceServers: config.iceServers ?? [] },
      iceGatheringTimeout: config.iceGatheringTimeout ?? 500,
    },
  };
}

function getMedia(mediaDevices: MediaDevices, constraints: MediaStreamConstraints) {
  if (!constraints.audio && !constraints.video) return Promise.resolve(new MediaStream());
  return mediaDevices.getUserMedia(constraints);
}

/** The default `createUserAgent`: a real sip.js UserAgent seen through UserAgentLike. */
export function createSipUserAgent(options: UserAgentOptions): UserAgentLike {
  const ua = new UserAgent(options);
  const adapter: UserAgentLike = {
    delegate: undefined as UserAgentDelegateLike | undefined,
    get configuration() {
      return ua.configuration;
    },
    get contact() {
      return ua.contact;
    },
    start: () => ua.start(),
    stop: () => ua.stop(),
    reconnect: () => ua.reconnect(),
    createRegisterer: () => {
      const registerer = new Registerer(ua);
      // sip.js reuses one REGISTER message and keeps the Authorization header of the last challenge on it, so
      // refreshes present the old credentials until the server refuses them. New credentials must drop it.
      const message = (registerer as unknown as { request: { headers: Record<string, unknown> } }).request;
      return Object.assign(registerer, {
        forgetAuthorization: () => void delete message.headers.Authorization,
      }) as unknown as RegistererLike;
    },
    createInviter: (target: string, inviterOptions: InviterOptionsLike) => {
      const targetUri = UserAgent.makeURI(target);
      if (!targetUri) throw new Error(`Invalid call target: ${target}`);
      return new Inviter(ua, targetUri, inviterOptions) as unknown as InviterLike;
    },
    sendMessage: (target: string, body: string) =>
      new Promise((resolve, reject) => {
        const targetUri = UserAgent.makeURI(target);
        if (!targetUri) return reject(new Error(`Invalid text target: ${target}`));
        const done = (m: { statusCode?: number; reasonPhrase?: string }) =>
          resolve({ statusCode: m.statusCode ?? 0, reasonPhrase: m.reasonPhrase ?? '' });
        new Messager(ua, targetUri, body, 'text/plain;charset=UTF-8')
          .message({ requestDelegate: { onAccept: (r) => done(r.message), onReject: (r) => done(r.message) } })
          .catch(reject);
      }),
  };
  ua.delegate = {
    onConnect: () => adapter.delegate?.onConnect?.(),
    onDisconnect: (error) => adapter.delegate?.onDisconnect?.(error),
    onInvite: (invitation) => adapter.delegate?.onInvite?.(invitation as unknown as InvitationLike),
  };
  return adapter;
}
