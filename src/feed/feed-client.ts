import type { QueryClient } from '@tanstack/react-query';
import { io, type Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '../common/feed-events';
import type { ManualPresence, PhoneStatus, Presence } from '../common/presence';
import { offersActions, type OffersStore } from '../features/calls/offers-store';
import { presenceActions, type PresenceStore } from '../features/presence/presence-store';
import { addToInbox, voicemailQuery } from '../features/voicemail/voicemail-api';
import { voicemailCreatedSchema } from '../common/api/voicemail';
import { notificationsCache } from '../features/unknown-contacts/notifications-cache';

type FeedSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * The browser's end of the feed, the only importer of socket.io-client. Pushed facts go to stores or the
 * query cache; after a reconnect every query is invalidated, since events may have been missed meanwhile.
 */
export function createFeed(deps: { presence: PresenceStore; offers: OffersStore; queryClient: QueryClient; url?: string }) {
  const socket: FeedSocket = io(deps.url ?? '/', { autoConnect: false, withCredentials: true, transports: ['websocket'] });
  let lastPhoneStatus: PhoneStatus | undefined;
  let everConnected = false;

  socket.on('connect', () => {
    presenceActions.setFeed(deps.presence, { status: 'connected' });
    if (lastPhoneStatus) socket.emit('phone:report', lastPhoneStatus, () => {});
    if (everConnected) void deps.queryClient.invalidateQueries();
    everConnected = true;
  });
  socket.on('disconnect', (reason) => {
    presenceActions.setFeed(deps.presence, { status: 'disconnected', reason: describeDisconnect(reason) });
    // socket.io does not retry after the server closed us on purpose; we always want to come back.
    if (reason === 'io server disconnect') socket.connect();
  });
  socket.on('connect_error', (err) => {
    presenceActions.setFeed(deps.presence, {
      status: 'disconnected',
      reason: err.message === 'UNAUTHENTICATED' ? 'Your session has ended. Sign in again.' : 'Switchboard server unreachable, retrying…',
    });
    if (err.message === 'UNAUTHENTICATED') void deps.queryClient.invalidateQueries({ queryKey: ['me'] });
  });
  socket.on('presence:snapshot', (list) => presenceActions.replaceAll(deps.presence, list));
  socket.on('presence:changed', (p) => presenceActions.upsert(deps.presence, p));
  socket.on('call:offered', (offer) => offersActions.offered(deps.offers, offer));
  socket.on('call:resolved', (resolved) => offersActions.resolved(deps.offers, resolved));
  socket.on('call:updated', () => {
    void deps.queryClient.invalidateQueries({ queryKey: ['calls'] });
    // An answered engagement call creates a binding; the picker's suggestions follow bindings.
    void deps.queryClient.invalidateQueries({ queryKey: ['me'], predicate: (q) => q.queryKey.length > 1 });
  });
  socket.on('voicemail:created', (message) => {
    const parsed = voicemailCreatedSchema.safeParse(message);
    if (parsed.success) addToInbox(deps.queryClient, parsed.data);
    else void deps.queryClient.invalidateQueries({ queryKey: voicemailQuery.queryKey });
  });
  socket.on('voicemail:changed', () => void deps.queryClient.invalidateQueries({ queryKey: voicemailQuery.queryKey }));
  socket.on('notification:created', (n) => notificationsCache.created(deps.queryClient, n));
  socket.on('notification:claimed', (c) => notificationsCache.claimed(deps.queryClient, c));
  socket.on('notification:updated', () => notificationsCache.updated(deps.queryClient));
  socket.on('contact:timeline-changed', ({ contactId }) => void deps.queryClient.invalidateQueries({ queryKey: ['contacts', contactId, 'timeline'] }));

  return {
    start: () => void socket.connect(),
    stop: () => void socket.disconnect(),
    reportPhone(status: PhoneStatus) {
      lastPhoneStatus = status;
      if (socket.connected) socket.emit('phone:report', status, () => {});
    },
    /** Tells the companion this agent's phone answered a routed call (it settles who took it). */
    answered(sipCallId: string) {
      socket.emit('call:answer', { sipCallId }, () => {});
    },
    /** The agent's choice (Available also ends a wrap-up: Ready); Away may carry one of the organisation's reasons. */
    setPresence(state: ManualPresence, reasonId?: string): Promise<Ack<Presence>> {
      const body = reasonId === undefined ? { state } : { state, reasonId };
      return new Promise((resolve) => socket.timeout(5000).emit('presence:set', body, (err: Error | null, ack: Ack<Presence>) =>
        resolve(err ? { ok: false, error: { code: 'INTERNAL', message: 'The server did not answer in time.' } } : ack),
      ));
    },
  };
}
export type Feed = ReturnType<typeof createFeed>;

function describeDisconnect(reason: string): string {
  if (reason === 'io client disconnect') return 'Signed out.';
  return 'Connection to the Switchboard server lost, reconnecting…';
}
