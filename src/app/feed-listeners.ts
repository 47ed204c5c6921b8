import type { QueryClient } from '@tanstack/react-query';
import type { FeedDeps } from '../feed/feed-client';
import { offersActions, type OffersStore } from '../features/calls/offers-store';
import { presenceActions, type PresenceStore } from '../features/presence/presence-store';
import { boardActions, type BoardStore } from '../features/supervisor/board-store';
import { notificationsCache } from '../features/unknown-contacts/notifications-cache';
import { addToInbox } from '../features/voicemail/voicemail-api';
import { isMyData, queryKeys } from './query-keys';

/**
 * The feed's table: live signals go to stores, entity facts to the query cache. After a reconnect (or a
 * payload the feed could not read) every query is refetched, because events may have been missed.
 */
export function feedDeps(d: {
  presence: PresenceStore;
  board: BoardStore;
  offers: OffersStore;
  queryClient: QueryClient;
  /** Kamailio now holds this contact for the agent's extension (the phone checks whether it is its own). */
  contactRegistered: (contact: string) => void;
}): FeedDeps {
  const qc = d.queryClient;
  return {
    connection: (c) => presenceActions.setFeed(d.presence, c),
    resync: () => void qc.invalidateQueries(),
    sessionEnded: () => void qc.invalidateQueries({ queryKey: queryKeys.me }),
    listeners: {
      'presence:snapshot': (list) => {
        presenceActions.replaceAll(d.presence, list);
        boardActions.presenceSnapshot(d.board, list);
      },
      'presence:changed': (p) => {
        presenceActions.upsert(d.presence, p);
        boardActions.presenceChanged(d.board, p);
      },
      'board:activity': (list) => boardActions.activity(d.board, list),
      'phone:registered': ({ contact }) => d.contactRegistered(contact),
      'call:offered': (offer) => offersActions.offered(d.offers, offer),
      'call:resolved': (resolved) => offersActions.resolved(d.offers, resolved),
      'call:updated': () => {
        void qc.invalidateQueries({ queryKey: queryKeys.calls });
        // An answered engagement call creates a binding; the picker's suggestions follow bindings.
        void qc.invalidateQueries({ predicate: isMyData });
      },
      'voicemail:created': (message) => addToInbox(qc, message),
      'voicemail:changed': () => void qc.invalidateQueries({ queryKey: queryKeys.voicemail }),
      'notification:created': (n) => notificationsCache.created(qc, n),
      'notification:claimed': (c) => notificationsCache.claimed(qc, c),
      'notification:updated': () => notificationsCache.updated(qc),
      'contact:timeline-changed': ({ contactId }) =>
        void qc.invalidateQueries({ queryKey: queryKeys.contacts.timeline(contactId) }),
    },
  };
}
