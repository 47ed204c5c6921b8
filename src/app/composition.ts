import { QueryClient } from '@tanstack/react-query';
import { createFeed, type Feed } from '../feed/feed-client';
import { feedDeps } from './feed-listeners';
import { createCallerIdChoiceStore, type CallerIdChoiceStore } from '../features/caller-id/caller-id-choice';
import { createSavePromptStore, watchEngagementCalls, type SavePromptStore } from '../features/engagement/save-prompts';
import { createOffersStore, type OffersStore } from '../features/calls/offers-store';
import { reportAnswers } from '../features/calls/report-answers';
import { voiceConstraints, voiceProcessingEnabled } from '../features/calls/voice-processing';
import { createPhoneHealth, type PhoneHealth } from '../features/presence/phone-health';
import { createPresenceStore, type PresenceStore } from '../features/presence/presence-store';
import { createSilencePlayer } from '../features/presence/silent-sound';
import { createBoardStore, type BoardStore } from '../features/supervisor/board-store';
import type { PhoneStatus } from '../common/presence';
import { createPhone } from '../sip/phone';
import { browserTabs, createTabPhone, type TabPhone } from './tab-phone';

export type Services = {
  queryClient: QueryClient;
  feed: Feed;
  phone: TabPhone;
  health: PhoneHealth;
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
  const listeners = feedDeps({
    presence,
    board,
    offers,
    queryClient,
    contactRegistered: (c) => phone.contactRegistered(c),
  });
  // After a reconnect the companion may have restarted and forgotten registrations: REGISTER again.
  const feed = createFeed({ ...listeners, resync: () => (listeners.resync(), phone.refreshRegistration()) });
  const doc = typeof document === 'undefined' ? undefined : document;
  const health = createPhoneHealth({
    mediaDevices: globalThis.navigator?.mediaDevices,
    permissions: globalThis.navigator?.permissions,
    playSilence: doc && createSilencePlayer(doc),
    gestures: doc,
    resumeCalls: () => phone.resumeAudio(),
  });
  // The phone's report carries what the health checks found: one report, the phone's and the page's.
  // Only the tab that owns the phone builds it, reports it and tells who answered (`status` stays unset in the
  // agent's other tabs, which mirror it): for presence they are open tabs with no phone of their own.
  let status: PhoneStatus | undefined;
  const report = () => status && feed.reportPhone({ ...status, problems: health.problems() });
  const phone = createTabPhone({
    ...browserTabs(),
    createPhone: () => {
      const real = createPhone({
        onStatus: (s) => ((status = s), report()),
        onAudioRefused: () => health.soundRefused(),
        audioConstraints: voiceConstraints(voiceProcessingEnabled()),
      });
      reportAnswers(real.store, (sipCallId) => feed.answered(sipCallId));
      return real;
    },
  });
  health.store.subscribe(report);
  const savePrompts = createSavePromptStore();
  watchEngagementCalls(phone.store, savePrompts);
  return {
    queryClient,
    feed,
    phone,
    health,
    presence,
    board,
    offers,
    callerIdChoice: createCallerIdChoiceStore(),
    savePrompts,
  };
}
