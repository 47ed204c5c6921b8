import { createStore, type StoreApi } from 'zustand/vanilla';

/** The caller ID (and engagement mode) the agent's next call to a customer presents. */
export type CallerIdChoice = { numberId: string | null; number: string | null; engagement: boolean };
export type CallerIdChoiceStore = StoreApi<CallerIdChoice>;

export const createCallerIdChoiceStore = (): CallerIdChoiceStore =>
  createStore<CallerIdChoice>()(() => ({ numberId: null, number: null, engagement: false }));

export const callerIdChoiceActions = {
  choose: (store: CallerIdChoiceStore, choice: { numberId: string; number: string; engagementAvailable: boolean }) =>
    store.setState((s) => ({
      numberId: choice.numberId,
      number: choice.number,
      engagement: choice.engagementAvailable && s.engagement,
    })),
  setEngagement: (store: CallerIdChoiceStore, engagement: boolean) => store.setState({ engagement }),
};

/** The call options a call to a customer carries. */
export const selectCallOptions = (s: CallerIdChoice) => ({ callerId: s.number ?? undefined, engagement: s.engagement });
