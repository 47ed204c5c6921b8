// The one place that turns a sip.js session's events into call snapshots.
import { endCauseFromReason, type EndCause } from './end-causes';
import { setMicEnabled } from './media';
import type { CallDirection, PhoneStore } from './phone-store';
import type { SessionLike, SipSessionState } from './sip-types';

export interface CallEntry {
  id: string;
  direction: CallDirection;
  session: SessionLike;
  /** Set by whoever learns first why the call is ending; the first answer wins. */
  cause?: EndCause;
  established: boolean;
  audio?: HTMLAudioElement;
}

export interface BindingContext {
  store: PhoneStore;
  now: () => number;
  /** Start playing the far end (early media or answered). */
  attachAudio(entry: CallEntry): void;
  detachAudio(entry: CallEntry): void;
  /** The session is gone: forget it. */
  release(entry: CallEntry): void;
}

export function setCause(entry: CallEntry, cause: EndCause): void {
  entry.cause ??= cause;
}

/** Does this SDP offer put us on hold (RFC 3264 §8.4: sendonly/inactive, or the old c=0.0.0.0)? */
export function isHoldOffer(sdp: string): boolean {
  const [sessionPart = '', ...media] = sdp.split(/\r?\n(?=m=)/);
  const audio = media.find((m) => m.startsWith('m=audio')) ?? '';
  const direction = (part: string) => /^a=(sendrecv|sendonly|recvonly|inactive)\s*$/m.exec(part)?.[1];
  const dir = direction(audio) ?? direction(sessionPart);
  if (dir === 'sendonly' || dir === 'inactive') return true;
  return /^c=IN IP4 0\.0\.0\.0\s*$/m.test(audio || sessionPart);
}

function fallbackCause(entry: CallEntry): EndCause {
  if (entry.established) return 'failed';
  return entry.direction === 'inbound' ? 'cancelled' : 'failed';
}

export function bindSession(entry: CallEntry, ctx: BindingContext): void {
  const { session, id } = entry;
  const actions = () => ctx.store.getState();
  const snapshot = () => actions().calls.find((c) => c.id === id);

  session.delegate = {
    onBye: (bye) => {
      setCause(entry, 'hangup-remote');
      bye.accept().catch(() => undefined);
    },
    onCancel: (cancel) => {
      setCause(entry, endCauseFromReason(cancel.request.getHeader('Reason')) ?? 'cancelled');
    },
    onInvite: (request, _response, statusCode) => {
      if (statusCode !== 200) return;
      actions().updateCall(id, { remoteHeld: isHoldOffer(request.body) });
    },
    onSessionDescriptionHandler: () => ctx.attachAudio(entry),
  };

  session.stateChange.addListener((state: SipSessionState) => {
    if (state === 'Established') {
      entry.established = true;
      const call = snapshot();
      actions().updateCall(id, {
        status: call?.held ? 'held' : 'active',
        startedAt: call?.startedAt ?? ctx.now(),
      });
      setMicEnabled(session.sessionDescriptionHandler, !(call?.muted || call?.held));
      ctx.attachAudio(entry);
    } else if (state === 'Terminated') {
      ctx.detachAudio(entry);
      actions().endCall(id, entry.cause ?? fallbackCause(entry));
      ctx.release(entry);
    }
  });
}
