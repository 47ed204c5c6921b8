import { classifyDialString, cleanDialString } from '../common/dial-plan';
import { endCauseFromStatus, type EndCause } from './end-causes';
import { micConstraints, setMicEnabled } from './media';
import type { CallSnapshot } from './phone-store';
import { requireUserAgent, type PhoneRuntime } from './runtime';
import { bindSession, setCause, type CallEntry } from './session-binding';
import type { InvitationLike, InviterLike } from './sip-types';

/** The SIP header carrying the caller ID an agent asks to present (the companion authorises it). */
export const CALLER_ID_HEADER = 'X-Caller-ID';
/** `X-Engagement: 1` asks for engagement mode on a call to a customer (the companion decides). */
export const ENGAGEMENT_HEADER = 'X-Engagement';
/** 486 rather than 603, so the proxy may still try the next agent or voicemail. */
const DECLINE_STATUS = 486;
/** How long answering a waiting call waits for the current call's hold to be accepted. */
const HOLD_BEFORE_ANSWER_MS = 2000;

export interface CallOptions {
  /** E.164 caller ID to present on a call to the phone network; without it the server uses the agent's default. */
  callerId?: string;
  /** Engagement mode: an answered call binds the customer to this agent through the caller-ID number. */
  engagement?: boolean;
  /** Extra SIP headers, e.g. `X-Foo: bar`. */
  headers?: string[];
}

/** An extension or phone number (or a full SIP URI) → the SIP URI to INVITE. */
export function targetUri(target: string, domain: string): { uri: string; user: string } {
  const trimmed = target.trim();
  if (/^sips?:/i.test(trimmed)) return { uri: trimmed, user: trimmed.replace(/^sips?:|@.*$/gi, '') };
  if (trimmed.includes('@')) return { uri: `sip:${trimmed}`, user: trimmed.split('@')[0] ?? '' };
  const user = trimmed.replace(/[\s\-().]/g, '');
  if (!/^\+?[0-9A-Za-z*#._]+$/.test(user)) throw new Error('Enter an extension or a phone number');
  return { uri: `sip:${user.replace(/#/g, '%23')}@${domain}`, user };
}

export function createCallControl(rt: PhoneRuntime) {
  const actions = () => rt.store.getState();
  const snapshot = (id: string) => actions().calls.find((c) => c.id === id);
  const mic = () => micConstraints(rt.audioConstraints, actions().devices.inputId);
  const micOn = (call: CallSnapshot | undefined) => !(call?.muted || call?.held);

  const track = (entry: CallEntry, call: CallSnapshot) => {
    rt.entries.set(entry.id, entry);
    actions().addCall(call);
    bindSession(entry, rt.binding);
  };

  /** The user ended it: show it ended now, even if the network takes a while to agree. */
  const finishLocally = (entry: CallEntry, cause: EndCause) => {
    setCause(entry, cause);
    rt.binding.detachAudio(entry);
    actions().endCall(entry.id, entry.cause ?? cause);
  };

  const setHeld = (id: string, held: boolean): Promise<boolean> => {
    const entry = rt.entries.get(id);
    const call = snapshot(id);
    if (!entry || !call || !entry.established || call.status === 'ended') return Promise.resolve(false);
    if (call.held === held) return Promise.resolve(true);
    const { session } = entry;
    const previous = session.sessionDescriptionHandlerOptionsReInvite;
    session.sessionDescriptionHandlerOptionsReInvite = { ...previous, hold: held };
    return new Promise<boolean>((resolve) => {
      let settled = false;
      const settle = (accepted: boolean) => {
        if (settled) return;
        settled = true;
        if (accepted) {
          actions().updateCall(id, { held, status: held ? 'held' : 'active', holdRefused: false });
        } else {
          session.sessionDescriptionHandlerOptionsReInvite = { ...previous, hold: call.held };
          if (snapshot(id)?.status !== 'ended') actions().updateCall(id, { holdRefused: true });
        }
        setMicEnabled(session.sessionDescriptionHandler, micOn(snapshot(id)));
        resolve(accepted);
      };
      session
        .invite({ requestDelegate: { onAccept: () => settle(true), onReject: () => settle(false) } })
        .catch(() => settle(false));
    });
  };

  /** One conversation at a time: put whatever is live on hold before taking another call. */
  const holdOthers = async (exceptId: string) => {
    const live = actions().calls.filter((c) => c.id !== exceptId && c.status === 'active');
    await Promise.all(
      live.map(
        (c) =>
          new Promise<void>((resolve) => {
            const timer = rt.timers.setTimeout(resolve, HOLD_BEFORE_ANSWER_MS);
            void setHeld(c.id, true).finally(() => {
              rt.timers.clearTimeout(timer);
              resolve();
            });
          }),
      ),
    );
  };

  const call = async (target: string, options: CallOptions = {}): Promise<string> => {
    const { ua, credentials } = requireUserAgent(rt);
    const { uri, user } = targetUri(target, credentials.domain);
    const extraHeaders = [...(options.headers ?? [])];
    if (options.callerId) extraHeaders.push(`${CALLER_ID_HEADER}: ${options.callerId}`);
    if (options.engagement) extraHeaders.push(`${ENGAGEMENT_HEADER}: 1`);
    const inviter: InviterLike = ua.createInviter(uri, {
      extraHeaders,
      earlyMedia: true,
      sessionDescriptionHandlerOptions: { constraints: mic() },
    });
    const id = rt.nextId();
    const entry: CallEntry = { id, direction: 'outbound', session: inviter, established: false };
    track(entry, {
      id,
      sipCallId: inviter.request.callId,
      direction: 'outbound',
      status: 'dialing',
      remote: { uri, user, displayName: '' },
      ...(options.callerId ? { callerId: options.callerId } : {}),
      ...(options.engagement ? { engagement: true } : {}),
      createdAt: rt.now(),
      muted: false,
      held: false,
      remoteHeld: false,
    });
    await holdOthers(id);
    inviter
      .invite({
        requestDelegate: {
          onProgress: (response) => {
            const code = response.message.statusCode;
            if (code >= 180 && snapshot(id)?.status === 'dialing') {
              actions().updateCall(id, { status: 'early' });
            }
          },
          onReject: (response) => {
            const { statusCode, reasonPhrase } = response.message;
            setCause(entry, endCauseFromStatus(statusCode));
            // sip.js ends the session before it tells us why: correct the cause the store already shows.
            if (snapshot(id)?.status === 'ended') actions().updateCall(id, { endCause: entry.cause });
            // The server's own refusals say why in words ("You may not present … as your caller ID").
            if (statusCode === 403 || statusCode === 484 || statusCode === 503)
              actions().updateCall(id, { endReason: reasonPhrase });
          },
        },
      })
      .catch(() => setCause(entry, 'failed'));
    return id;
  };

  /** sip.js has already sent 180 Ringing; this only tracks the offer. */
  const adoptInvitation = (invitation: InvitationLike): string => {
    const id = rt.nextId();
    const entry: CallEntry = { id, direction: 'inbound', session: invitation, established: false };
    const identity = invitation.remoteIdentity;
    track(entry, {
      id,
      sipCallId: invitation.request.callId,
      direction: 'inbound',
      status: 'ringing',
      remote: {
        uri: identity.uri.toString(),
        user: identity.uri.user ?? '',
        displayName: identity.displayName ?? '',
      },
      createdAt: rt.now(),
      muted: false,
      held: false,
      remoteHeld: false,
    });
    return id;
  };

  const answer = async (id: string): Promise<void> => {
    const entry = rt.entries.get(id);
    if (!entry || entry.direction !== 'inbound' || snapshot(id)?.status !== 'ringing') return;
    await holdOthers(id);
    const invitation = entry.session as InvitationLike;
    await invitation
      .accept({ sessionDescriptionHandlerOptions: { constraints: mic() } })
      .catch(() => setCause(entry, 'failed'));
  };

  const decline = async (id: string): Promise<void> => {
    const entry = rt.entries.get(id);
    if (!entry || entry.direction !== 'inbound' || entry.established) return;
    finishLocally(entry, 'declined');
    await (entry.session as InvitationLike).reject({ statusCode: DECLINE_STATUS }).catch(() => undefined);
  };

  const hangup = async (id: string): Promise<void> => {
    const entry = rt.entries.get(id);
    if (snapshot(id)?.status === 'ended') {
      actions().dismissCall(id);
      return;
    }
    if (!entry) return;
    if (entry.established) {
      finishLocally(entry, 'hangup-local');
      await entry.session.bye().catch(() => undefined);
    } else if (entry.direction === 'inbound') {
      await decline(id);
    } else {
      finishLocally(entry, 'cancelled');
      await (entry.session as InviterLike).cancel().catch(() => undefined);
    }
  };

  const setMuted = (id: string, muted: boolean): void => {
    const entry = rt.entries.get(id);
    if (!entry || !snapshot(id)) return;
    actions().updateCall(id, { muted });
    setMicEnabled(entry.session.sessionDescriptionHandler, micOn(snapshot(id)));
  };

  /** RFC 4733 telephone-events in the media, not SIP INFO. */
  const sendDtmf = (id: string, digits: string): boolean => {
    if (!/^[0-9A-D#*,]+$/i.test(digits)) return false;
    const sdh = rt.entries.get(id)?.session.sessionDescriptionHandler;
    return sdh ? sdh.sendDtmf(digits) : false;
  };

  /**
   * Calls a customer on the phone network presenting `callerId` (the companion checks it against the agent's
   * allowlist; the SIP server enforces it). The command other features reuse: call back, text back, contacts.
   */
  const callNumber = (number: string, options: Pick<CallOptions, 'callerId' | 'engagement'> = {}): Promise<string> => {
    const cleaned = cleanDialString(number);
    if (classifyDialString(cleaned) !== 'phone-number')
      return Promise.reject(new Error('Enter a phone number: + and the country code, or a national number'));
    return call(cleaned, options);
  };

  return { call, callNumber, adoptInvitation, answer, decline, hangup, setMuted, setHeld, sendDtmf };
}
