import { createPhoneStore } from '../../sip/phone-store';
import { createSequentialDial } from './sequential-dial';

const entries = [
  { number: '+447911000001', label: 'Primary', delaySeconds: 0 },
  { number: '+447911000002', label: 'Office', delaySeconds: 5 },
  { number: '+447911000003', label: 'Other', delaySeconds: 5 },
];

function harness() {
  vi.useFakeTimers();
  const phone = createPhoneStore();
  const placed: string[] = [];
  const hungUp: string[] = [];
  const dial = createSequentialDial({
    phone,
    place: async (number) => {
      placed.push(number);
      const id = `call-${placed.length}`;
      phone.getState().addCall({
        id,
        sipCallId: id,
        direction: 'outbound',
        status: 'dialing',
        remote: { uri: '', user: number, displayName: '' },
        createdAt: 0,
        muted: false,
        held: false,
        remoteHeld: false,
      });
      return id;
    },
    hangup: async (id) => void hungUp.push(id),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  });
  const steps = () => dial.store.getState().steps.map((s) => [s.state, s.detail]);
  return { phone, placed, hungUp, dial, steps };
}

afterEach(() => vi.useRealTimers());

test('primary first, then each next number after its delay, stopping at the one that answers', async () => {
  const { phone, placed, dial, steps } = harness();
  dial.start(entries);
  await vi.advanceTimersByTimeAsync(0);
  expect(placed).toEqual(['+447911000001']);
  phone.getState().endCall('call-1', 'busy');
  await vi.advanceTimersByTimeAsync(4999);
  expect(placed).toHaveLength(1);
  await vi.advanceTimersByTimeAsync(1);
  expect(placed).toEqual(['+447911000001', '+447911000002']);
  phone.getState().updateCall('call-2', { status: 'active', startedAt: 1 });
  await vi.advanceTimersByTimeAsync(60_000);
  expect(placed).toHaveLength(2);
  expect(steps()).toEqual([
    ['not-answered', 'Busy'],
    ['answered', 'Answered'],
    ['waiting', undefined],
  ]);
  expect(dial.store.getState().running).toBe(false);
});

test('stop hangs up the ringing number and dials nothing more', async () => {
  const { placed, hungUp, dial, steps } = harness();
  dial.start(entries);
  await vi.advanceTimersByTimeAsync(0);
  dial.stop();
  await vi.advanceTimersByTimeAsync(60_000);
  expect(placed).toHaveLength(1);
  expect(hungUp).toEqual(['call-1']);
  expect(steps().map(([state]) => state)).toEqual(['stopped', 'stopped', 'stopped']);
});

test('the server’s refusal is what the step says; the last number failing ends the run', async () => {
  const { phone, placed, dial, steps } = harness();
  dial.start(entries.slice(0, 2));
  await vi.advanceTimersByTimeAsync(0);
  phone.getState().updateCall('call-1', { endReason: 'You may not present +44 20 7123 4569 as your caller ID' });
  phone.getState().endCall('call-1', 'forbidden');
  await vi.advanceTimersByTimeAsync(5000);
  phone.getState().endCall('call-2', 'no-answer');
  await vi.advanceTimersByTimeAsync(0);
  expect(placed).toHaveLength(2);
  expect(steps()).toEqual([
    ['not-answered', 'You may not present +44 20 7123 4569 as your caller ID'],
    ['not-answered', 'No answer'],
  ]);
  expect(dial.store.getState().running).toBe(false);
});
