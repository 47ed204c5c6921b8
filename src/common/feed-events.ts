import type { VoicemailMessage } from './api/voicemail';
import type { CallOffered, CallResolved } from './calls';
import type { ApiError } from './errors';
import type { NotificationClaimed, NotificationView } from './notifications';
import type { ManualPresence, PhoneStatus, Presence } from './presence';

/** Every command is answered with one of these. */
export type Ack<T = null> = { ok: true; data: T } | { ok: false; error: ApiError };

/** Facts the companion pushes (`noun:past-verb`). */
export type ServerToClientEvents = {
  /** Sent once after connecting: supervisors get the whole organisation, agents themselves. */
  'presence:snapshot': (list: Presence[]) => void;
  'presence:changed': (presence: Presence) => void;
  'call:offered': (offer: CallOffered) => void;
  'call:resolved': (resolved: CallResolved) => void;
  /** A call of yours (or, for supervisors and admins, of the organisation) changed: history is stale. */
  'call:updated': (body: { sipCallId: string }) => void;
  /** A new message in a box this agent may hear. */
  'voicemail:created': (message: VoicemailMessage) => void;
  /** A message of such a box was heard or deleted (by someone, or by auto-deletion). */
  'voicemail:changed': (body: { id: string }) => void;
  /** A missed unknown call or a text for you (or, for supervisors and admins, the organisation). */
  'notification:created': (notification: NotificationView) => void;
  /** Somebody claimed it: it leaves every other agent's open list at once. */
  'notification:claimed': (claimed: NotificationClaimed) => void;
  /** It changed otherwise (a text arrived or was sent, done, a contact linked): refetch it. */
  'notification:updated': (body: { id: string }) => void;
  /** A contact's timeline grew. */
  'contact:timeline-changed': (body: { contactId: string }) => void;
};

/** Commands the browser sends (`noun:verb`). */
export type ClientToServerEvents = {
  'phone:report': (status: PhoneStatus, ack: (a: Ack) => void) => void;
  'presence:set': (body: { state: ManualPresence; reasonId?: string }, ack: (a: Ack<Presence>) => void) => void;
  /** The agent's phone answered this call. */
  'call:answer': (body: { sipCallId: string }, ack: (a: Ack) => void) => void;
};

/** Feed keepalive: a tab that vanishes without closing is noticed within pingInterval + pingTimeout. */
export const FEED_PING_INTERVAL_MS = 4000;
export const FEED_PING_TIMEOUT_MS = 4000;
