import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import type { Services } from '../../src/app/composition';
import { FormatsProvider } from '../../src/components/format';
import { ServicesProvider } from '../../src/app/services-context';
import { createOffersStore } from '../../src/features/calls/offers-store';
import { createCallerIdChoiceStore } from '../../src/features/caller-id/caller-id-choice';
import { createSavePromptStore } from '../../src/features/engagement/save-prompts';
import { createPhoneHealth } from '../../src/features/presence/phone-health';
import { createPresenceStore } from '../../src/features/presence/presence-store';
import { createBoardStore } from '../../src/features/supervisor/board-store';
import { createStore } from 'zustand/vanilla';
import type { TabPhone, TabState } from '../../src/app/tab-phone';
import { createPhoneStore, type CallSnapshot } from '../../src/sip/phone-store';

/** A phone whose commands are spies over a real phone store: for component tests only. */
export function fakePhone(): TabPhone {
  const store = createPhoneStore();
  // The only tab, so it owns the phone; a test sets `role` to play another tab of the agent.
  const tab = createStore<TabState>(() => ({ role: 'owner' }));
  return {
    store,
    start: vi.fn(async () => {}),
    stop: vi.fn(async () => {}),
    refreshRegistration: vi.fn(),
    call: vi.fn(async () => 'call-x'),
    callNumber: vi.fn(async () => 'call-x'),
    sendText: vi.fn(async () => {}),
    answer: vi.fn(async () => {}),
    decline: vi.fn(async () => {}),
    hangup: vi.fn(async () => {}),
    setMuted: vi.fn(),
    setHeld: vi.fn(async () => true),
    sendDtmf: vi.fn(() => true),
    setInputDevice: vi.fn(async () => {}),
    setOutputDevice: vi.fn(async () => {}),
    refreshDevices: vi.fn(async () => {}),
    resumeAudio: vi.fn(),
    updateCredentials: vi.fn(async () => {}),
    dismissCall: vi.fn((id: string) => store.getState().dismissCall(id)),
    getRemoteStream: vi.fn(() => undefined),
    ownsContact: vi.fn(() => true),
    role: vi.fn(() => tab.getState().role),
    tab,
    contactRegistered: vi.fn(),
    takeBack: vi.fn(async () => {}),
  };
}

export function fakeServices(): Services {
  return {
    queryClient: new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } }),
    phone: fakePhone(),
    health: createPhoneHealth({}),
    presence: createPresenceStore(),
    board: createBoardStore(),
    offers: createOffersStore(),
    callerIdChoice: createCallerIdChoiceStore(),
    savePrompts: createSavePromptStore(),
    feed: { start: vi.fn(), stop: vi.fn(), reportPhone: vi.fn(), answered: vi.fn(), setPresence: vi.fn(async () => ({ ok: true as const, data: null as never })) },
  };
}

/** The formats component tests read in: a UK organisation, en-GB, London time. */
export const testFormats = { country: 'GB', locale: 'en-GB', timeZone: 'Europe/London' };

export function renderWithServices(ui: ReactElement, services = fakeServices()) {
  return {
    services,
    ...render(
      <ServicesProvider services={services}>
        <FormatsProvider {...testFormats}>{ui}</FormatsProvider>
      </ServicesProvider>,
    ),
  };
}

export function callSnapshot(patch: Partial<CallSnapshot> = {}): CallSnapshot {
  return {
    id: 'call-1',
    sipCallId: 'sip-1',
    direction: 'inbound',
    status: 'active',
    remote: { uri: 'sip:1002@127.0.0.1', user: '1002', displayName: 'Bob Agent' },
    createdAt: 1000,
    startedAt: Date.now(),
    muted: false,
    held: false,
    remoteHeld: false,
    ...patch,
  };
}
