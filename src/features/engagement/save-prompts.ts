import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PhoneStore } from '../../sip/phone-store';
import { eachNewCall } from '../calls/each-new-call';

/** Customers just talked to in engagement mode, whom the agent may save as a contact. */
export type SavePrompt = { callId: string; number: string; endedAt: number };
export type SavePromptStore = StoreApi<{ prompts: SavePrompt[] }>;

export const createSavePromptStore = (): SavePromptStore => createStore(() => ({ prompts: [] as SavePrompt[] }));

export const dismissPrompt = (store: SavePromptStore, callId: string) =>
  store.setState((s) => ({ prompts: s.prompts.filter((p) => p.callId !== callId) }));

/** Every answered engagement call that ends offers "Save as contact" (the card itself goes after a few seconds). */
export function watchEngagementCalls(phone: PhoneStore, prompts: SavePromptStore): () => void {
  return eachNewCall(
    phone,
    (c) => c.direction === 'outbound' && !!c.engagement && c.status === 'ended' && !!c.startedAt,
    (c) =>
      prompts.setState((s) => ({
        prompts: [...s.prompts, { callId: c.id, number: c.remote.user, endedAt: c.endedAt ?? Date.now() }],
      })),
  );
}
