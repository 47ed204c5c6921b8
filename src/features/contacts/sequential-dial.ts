import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DialEntry } from '../../common/domain/contact-dial-order';
import { describeEndCause } from '../../sip/end-causes';
import type { CallSnapshot, PhoneStore } from '../../sip/phone-store';

export type DialStepState = 'waiting' | 'ringing' | 'answered' | 'not-answered' | 'stopped';
export type DialStep = DialEntry & { state: DialStepState; detail?: string; callId?: string };
export type SequentialDialState = { steps: DialStep[]; running: boolean };
export type SequentialDial = {
  store: StoreApi<SequentialDialState>;
  /** Dials the entries in order, each after its delay, until one answers. */
  start(entries: DialEntry[]): void;
  /** Stops at once: the ringing call is hung up and nothing else is dialled. */
  stop(): void;
};

type Deps = {
  phone: PhoneStore;
  /** Places the call (the phone's callNumber with the chosen caller ID); resolves with its id. */
  place(number: string): Promise<string>;
  hangup(callId: string): Promise<void>;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

/**
 * Sequential dialling of a contact, a plain module over the phone's store: primary number first, then the
 * additional numbers in their dial order, each after its delay, stopping when one answers.
 */
export function createSequentialDial(deps: Deps): SequentialDial {
  const store = createStore<SequentialDialState>()(() => ({ steps: [], running: false }));
  let timer: unknown;
  let unsubscribe: (() => void) | undefined;
  let generation = 0;

  const patch = (index: number, change: Partial<DialStep>) =>
    store.setState((s) => ({ steps: s.steps.map((step, i) => (i === index ? { ...step, ...change } : step)) }));
  const finish = () => {
    unsubscribe?.();
    unsubscribe = undefined;
    store.setState({ running: false });
  };
  const outcome = (call: CallSnapshot) =>
    call.endReason ?? (call.endCause ? describeEndCause(call.endCause) : 'Not answered');

  const next = (index: number, run: number) => {
    const step = store.getState().steps[index];
    if (!step || run !== generation) return finish();
    timer = deps.setTimeout(() => void dial(index, run), index === 0 ? 0 : step.delaySeconds * 1000);
  };

  const watch = (index: number, callId: string, run: number) => {
    unsubscribe?.();
    unsubscribe = deps.phone.subscribe((state) => {
      if (run !== generation) return;
      const call = state.calls.find((c) => c.id === callId);
      if (!call) return;
      if (call.status === 'active' || call.status === 'held') {
        patch(index, { state: 'answered', detail: 'Answered' });
        finish();
      } else if (call.status === 'ended') {
        patch(index, { state: 'not-answered', detail: outcome(call) });
        // The phone learns why a call failed just after it ends: take the final word.
        queueMicrotask(() => {
          const settled = deps.phone.getState().calls.find((c) => c.id === callId);
          if (settled) patch(index, { detail: outcome(settled) });
        });
        unsubscribe?.();
        unsubscribe = undefined;
        next(index + 1, run);
      }
    });
  };

  const dial = async (index: number, run: number) => {
    if (run !== generation) return;
    const step = store.getState().steps[index]!;
    patch(index, { state: 'ringing', detail: 'Ringing…' });
    try {
      const callId = await deps.place(step.number);
      if (run !== generation) return void deps.hangup(callId);
      patch(index, { callId });
      watch(index, callId, run);
    } catch (err) {
      patch(index, { state: 'not-answered', detail: err instanceof Error ? err.message : 'Call failed' });
      next(index + 1, run);
    }
  };

  return {
    store,
    start(entries) {
      generation++;
      deps.clearTimeout(timer);
      store.setState({ running: true, steps: entries.map((e) => ({ ...e, state: 'waiting' })) });
      next(0, generation);
    },
    stop() {
      if (!store.getState().running) return;
      generation++;
      deps.clearTimeout(timer);
      const ringing = store.getState().steps.find((s) => s.state === 'ringing');
      if (ringing?.callId) void deps.hangup(ringing.callId);
      store.setState((s) => ({
        steps: s.steps.map((step) =>
          step.state === 'waiting' || step.state === 'ringing'
            ? { ...step, state: 'stopped', detail: 'Stopped' }
            : step,
        ),
      }));
      finish();
    },
  };
}
