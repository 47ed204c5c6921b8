import { QueryClient } from '@tanstack/react-query';
import { createFeed, type Feed } from '../feed/feed-client';
import { feedDeps } from './feed-listeners';
import { createCallerIdChoiceStore, type CallerIdChoiceStore } from '../features/caller-id/caller-id-choice';
import { createSavePromptStore, watchEngagementCalls, type SavePromptStore } from '../features/engagement/save-prompts';
import { createOffersStore, type OffersStore } from '../features/calls/offers-store';
import { reportAnswers } from '../features/calls/report-answers';
import { voiceConstraints, voiceProcessingEnabled } from '../features/calls/voice-processing';
import { createPresenceStore, type PresenceStore } from '../features/presence/presence-store';
import { createBoardStore, type BoardStore } from '../features/supervisor/board-store';
import { createPhone, type Phone } from '../sip/phone';

export type Services = {
  queryClient: QueryClient;
  feed: Feed;
  phone: Phone;
  presence: PresenceStore;
  board: BoardStore;
  offers: OffersStore;
  callerIdChoice: CallerIdChoiceStore;
  savePrompts: SavePromptStore;
};

/** Builds the app's long-lived parts once: the query cache, the feed and the phone, wired to each other. */
export function composeServices(): Services {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });
  const presence = createPresenceStore();
  const board = createBoardStore();
  const offers = createOffersStore();
  const listeners = feedDeps({ presence, board, offers, queryClient });
  // After a reconnect the companion may have restarted and forgotten registrations: REGISTER again.
  const feed = createFeed({ ...listeners, resync: () => (listeners.resync(), phone.refreshRegistration()) });
  const phone = createPhone({
    onStatus: (status) => feed.reportPhone(status),
    audioConstraints: voiceConstraints(voiceProcessingEnabled()),
  });
  reportAnswers(phone.store, (sipCallId) => feed.answered(sipCallId));
  const savePrompts = createSavePromptStore();
  watchEngagementCalls(phone.store, savePrompts);
  return { queryClient, feed, phone, presence, board, offers, callerIdChoice: createCallerIdChoiceStore(), savePrompts };
}
