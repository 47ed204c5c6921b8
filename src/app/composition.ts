import { QueryClient } from '@tanstack/react-query';
import { createFeed, type Feed } from '../feed/feed-client';
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
    createAudioElement: () => {
      const audio = document.createElement('audio');
      audio.autoplay = true;
      audio.dataset.remoteAudio = '';
      document.body.append(audio);
      return audio;
    },
  });
  return { queryClient, feed, phone, presence };
}
