import { QueryClient } from '@tanstack/react-query';
import { createFeed, type Feed } from '../feed/feed-client';
import { voiceConstraints, voiceProcessingEnabled } from '../features/calls/voice-processing';
import { createPresenceStore, type PresenceStore } from '../features/presence/presence-store';
import { createPhone, type Phone } from '../sip/phone';

export type Services = { queryClient: QueryClient; feed: Feed; phone: Phone; presence: PresenceStore };

/** Builds the app's long-lived parts once: the query cache, the feed and the phone, wired to each other. */
export function composeServices(): Services {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });
  const presence = createPresenceStore();
  const feed = createFeed({ presence, queryClient });
  const phone = createPhone({
    onStatus: (status) => feed.reportPhone(status),
    audioConstraints: voiceConstraints(voiceProcessingEnabled()),
  });
  return { queryClient, feed, phone, presence };
}
