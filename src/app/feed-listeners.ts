import type { QueryClient } from '@tanstack/react-query';
import { formatPhoneNumber } from '../common/format';
import { notify } from '../components/ui/toast-store';
import type { FeedDeps } from '../feed/feed-client';
import { meQuery } from '../features/auth/auth-api';
import { answeredElsewhereNotice } from '../features/calls/answered-elsewhere-notice';
import { offersActions, type OffersStore } from '../features/calls/offers-store';
import { feedNotice } from '../features/presence/feed-notices';
import { presenceActions, type PresenceStore } from '../features/presence/presence-store';
import { boardActions, type BoardStore } from '../features/supervisor/board-store';
import { notificationsCache } from '../features/unknown-contacts/notifications-cache';
import { addToInbox } from '../features/voicemail/voicemail-api';
import { isMyData, queryKeys } from './query-keys';

/**
 * The feed's table: live signals go to stores, entity facts to the query cache. After a reconnect (or a
 * payload the feed could not read) every query is refetched, because events may have been missed. The connection
 * lost and back, and a call answered by someone else, are also toasts.
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
  const phone = (n: string) => formatPhoneNumber(n, qc.getQueryData(meQuery.queryKey)?.country ?? '');
  return {
    connection: (c) => {
      const notice = feedNotice(d.presence.getState().feed, c);
      presenceActions.setFeed(d.presence, c);
      if (notice) notify(notice);
    },
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
      'call:resolved': (resolved) => {
        const offer = d.offers.getState().bySipCallId[resolved.sipCallId]?.offer;
        offersActions.resolved(d.offers, resolved);
        const notice = answeredElsewhereNotice(offer, resolved, phone);
        if (notice) notify(notice);
      },
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
