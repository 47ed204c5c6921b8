import type { SipCredentials } from '../common/auth';
import type { PhoneStore } from './phone-store';
import type { Timers } from './reconnect';
import type { BindingContext, CallEntry } from './session-binding';
import type { UserAgentLike } from './sip-types';

/** What the phone's parts share: the store, the live user agent and the calls it carries. */
export interface PhoneRuntime {
  store: PhoneStore;
  now: () => number;
  timers: Timers;
  mediaDevices?: MediaDevices;
  audioConstraints: MediaTrackConstraints;
  /** The microphone for a call; defaults to mediaDevices.getUserMedia. */
  micStream?: (constraints: MediaStreamConstraints) => Promise<MediaStream>;
  createAudioElement?: () => HTMLAudioElement;
  /** A call's audio was refused by the browser's autoplay policy. */
  onAudioRefused?: () => void;
  ua?: UserAgentLike;
  credentials?: SipCredentials;
  entries: Map<string, CallEntry>;
  binding: BindingContext;
  nextId(): string;
}

export function requireUserAgent(rt: PhoneRuntime): { ua: UserAgentLike; credentials: SipCredentials } {
  if (!rt.ua || !rt.credentials) throw new Error('The phone is not started');
  return { ua: rt.ua, credentials: rt.credentials };
}
