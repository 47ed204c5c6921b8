import { createRingtone, type RingContext } from './ringtone';

function fakeContext() {
  const started: number[] = [];
  const ctx = {
    sinkId: '',
    currentTime: 0,
    destination: {} as AudioDestinationNode,
    setSinkId: vi.fn(async function (this: { sinkId: string }, id: string) {
      ctx.sinkId = id;
    }),
    resume: vi.fn(async () => {}),
    suspend: vi.fn(async () => {}),
    createGain: () => ({ gain: { value: 0 }, connect: () => undefined }),
    createOscillator: () => ({
      frequency: { value: 0 },
      connect: () => undefined,
      start: () => started.push(1),
      stop: () => undefined,
    }),
  };
  return { ctx: ctx as unknown as RingContext & { setSinkId: ReturnType<typeof vi.fn> }, started };
}

const noTimers = { setInterval: () => 1, clearInterval: () => undefined };

test('rings on the chosen ringing device, then plays', async () => {
  const { ctx, started } = fakeContext();
  let device = 'headset-speakers';
  const ring = createRingtone({ createContext: () => ctx, sinkId: () => device, ...noTimers });
  ring.start();
  await vi.waitFor(() => expect(started.length).toBe(2));
  expect(ctx.setSinkId).toHaveBeenCalledWith('headset-speakers');
  ring.stop();
  device = 'laptop';
  await ring.preview();
  expect(ctx.setSinkId).toHaveBeenLastCalledWith('laptop');
  expect(started.length).toBe(4);
});

test('a browser that cannot choose the output still rings, on the default one', async () => {
  const { ctx, started } = fakeContext();
  delete (ctx as { setSinkId?: unknown }).setSinkId;
  const ring = createRingtone({ createContext: () => ctx, sinkId: () => 'laptop', ...noTimers });
  await ring.preview();
  expect(started.length).toBe(2);
});
