import { z } from 'zod/mini';
import { boardActivitySchema } from './api/board';
import { voicemailMessageSchema } from './api/voicemail';
import { callOfferedSchema, callResolvedSchema } from './calls';
import type { ApiError } from './errors';
import { notificationClaimedSchema, notificationSchema } from './notifications';
import { presenceSchema, type ManualPresence, type PhoneStatus, type Presence } from './presence';

/** Every command is answered with one of these. */
export type Ack<T = null> = { ok: true; data: T } | { ok: false; error: ApiError };

/**
 * Facts the companion pushes (`noun:past-verb`), each with the schema the browser parses it with: a payload
 * that does not parse is never let into a store or the cache.
 */
export const serverEventSchemas = {
  /** Sent once after connecting: supervisors get the whole organisation, agents themselves. */
  'presence:snapshot': z.array(presenceSchema),
  'presence:changed': presenceSchema,
  /** Supervisors and admins only: agents' current calls and today's counts changed (the board's activity). */
  'board:activity': z.array(boardActivitySchema),
  /**
   * Kamailio now holds this contact for your extension (it keeps one: any other phone of yours lost its
   * registration). The phone that sees someone else's contact knows another window took the phone.
   */
  'phone:registered': z.object({ contact: z.string() }),
  'call:offered': callOfferedSchema,
  'call:resolved': callResolvedSchema,
  /** A call of yours (or, for supervisors and admins, of the organisation) changed: history is stale. */
  'call:updated': z.object({ sipCallId: z.string() }),
  /** A new message in a box this agent may hear. */
  'voicemail:created': voicemailMessageSchema,
  /** A message of such a box was heard or deleted (by someone, or by auto-deletion). */
  'voicemail:changed': z.object({ id: z.string() }),
  /** A missed unknown call or a text for you (or, for supervisors and admins, the organisation). */
  'notification:created': notificationSchema,
  /** Somebody claimed it: it leaves every other agent's open list at once. */
  'notification:claimed': notificationClaimedSchema,
  /** It changed otherwise (a text arrived or was sent, done, a contact linked): refetch it. */
  'notification:updated': z.object({ id: z.string() }),
  /** A contact's timeline grew. */
  'contact:timeline-changed': z.object({ contactId: z.string() }),
} as const;
export type ServerEvent = keyof typeof serverEventSchemas;
export type ServerEventBody<E extends ServerEvent> = z.infer<(typeof serverEventSchemas)[E]>;
export type ServerToClientEvents = { [E in ServerEvent]: (body: ServerEventBody<E>) => void };

/** `call:answer`: the agent's phone answered this call (a hint; Kamailio's answered event is the fact). */
export const callAnswerSchema = z.object({ sipCallId: z.string().check(z.minLength(1)) });
export type CallAnswer = z.infer<typeof callAnswerSchema>;

/** Commands the browser sends (`noun:verb`); the companion parses each body with its schema
 * (`callAnswerSchema` above, `presenceSetSchema` and `phoneStatusSchema` in `presence.ts`). */
export type ClientToServerEvents = {
  'phone:report': (status: PhoneStatus, ack: (a: Ack) => void) => void;
  /** The tab is alive and its timers run on time: sent on connecting and every `HEARTBEAT_INTERVAL_MS`. */
  'phone:heartbeat': () => void;
  'presence:set': (body: { state: ManualPresence; reasonId?: string }, ack: (a: Ack<Presence>) => void) => void;
  'call:answer': (body: CallAnswer, ack: (a: Ack) => void) => void;
};

/** Feed keepalive: a tab that vanishes without closing is noticed within pingInterval + pingTimeout. */
export const FEED_PING_INTERVAL_MS = 4000;
export const FEED_PING_TIMEOUT_MS = 4000;

/**
 * The tab's own heartbeat, from a timer on the page's main thread (where the phone runs): the socket's
 * keepalive is answered even by a tab the browser throttles in the background, its timers are not. The
 * companion measures the gaps on its own clock: a tab with no heartbeat for `HEARTBEAT_LATE_MS` (three
 * missed) is late and its agent not routable, while a dead tab is still offline within the keepalive above.
 */
export const HEARTBEAT_INTERVAL_MS = 2000;
export const HEARTBEAT_LATE_MS = 3 * HEARTBEAT_INTERVAL_MS;
