import { flush, manualTimers } from './test-support/fake-user-agent';
import { createWarmPool } from './warm-pool';

type Item = { key: string; n: number };

function pool(opts: { fail?: (key: string) => boolean; maxAgeMs?: number } = {}) {
  const timers = manualTimers();
  const built: Item[] = [];
  const disposed: Item[] = [];
  let n = 0;
  const p = createWarmPool<Item>({
    create: async (key) => {
      if (opts.fail?.(key)) throw new Error('no microphone');
      const item = { key, n: ++n };
      built.push(item);
      return item;
    },
    dispose: (item) => disposed.push(item),
    timers,
    maxAgeMs: opts.maxAgeMs ?? 60_000,
  });
  return { p, timers, built, disposed };
}

test('nothing is built until warm; then one item is ready for that key', async () => {
  const { p, built } = pool();
  expect(p.state()).toBe('off');
  expect(p.take('mic-a')).toBeUndefined();
  p.warm('mic-a');
  expect(p.state()).toBe('building');
  await flush();
  expect(p.state()).toBe('ready');
  p.warm('mic-a');
  await flush();
  expect(built).toHaveLength(1);
});

test('an item is handed out once: taking it builds the next, and the same item never comes back', async () => {
  const { p, built, disposed } = pool();
  p.warm('mic-a');
  await flush();
  const first = p.take('mic-a');
  expect(first).toEqual({ key: 'mic-a', n: 1 });
  expect(p.take('mic-a')).toBeUndefined(); // the next one is still being built
  await flush();
  const second = p.take('mic-a');
  expect(second).toEqual({ key: 'mic-a', n: 2 });
  expect(second).not.toBe(first);
  expect(built).toHaveLength(2 + 1);
  expect(disposed).toEqual([]);
});

test('a call with other constraints gets nothing; a new key throws the old item away', async () => {
  const { p, disposed } = pool();
  p.warm('mic-a');
  await flush();
  expect(p.take('mic-b')).toBeUndefined();
  p.warm('mic-b');
  expect(disposed).toEqual([{ key: 'mic-a', n: 1 }]);
  await flush();
  expect(p.take('mic-b')).toEqual({ key: 'mic-b', n: 2 });
});

test('an item that waited too long is replaced, not used', async () => {
  const { p, timers, disposed } = pool({ maxAgeMs: 10 * 60_000 });
  p.warm('mic-a');
  await flush();
  await timers.advance(10 * 60_000);
  expect(disposed).toEqual([{ key: 'mic-a', n: 1 }]);
  expect(p.take('mic-a')).toEqual({ key: 'mic-a', n: 2 });
});

test('refresh (network change) replaces the ready item; stop frees it and builds nothing more', async () => {
  const { p, timers, disposed } = pool();
  p.warm('mic-a');
  await flush();
  p.refresh();
  expect(disposed).toEqual([{ key: 'mic-a', n: 1 }]);
  await flush();
  p.stop();
  expect(disposed).toEqual([
    { key: 'mic-a', n: 1 },
    { key: 'mic-a', n: 2 },
  ]);
  expect(p.state()).toBe('off');
  expect(timers.pending()).toEqual([]);
  expect(p.take('mic-a')).toBeUndefined();
});

test('an item that finishes building after stop is disposed at once and never handed out', async () => {
  const { p, disposed } = pool();
  p.warm('mic-a');
  p.stop();
  await flush();
  expect(disposed).toEqual([{ key: 'mic-a', n: 1 }]);
  p.warm('mic-a');
  await flush();
  expect(p.take('mic-a')).toEqual({ key: 'mic-a', n: 2 });
});

test('a failure (microphone refused) is not retried in a loop; a refresh tries again', async () => {
  let refuse = true;
  const { p, built } = pool({ fail: () => refuse });
  p.warm('mic-a');
  await flush();
  expect(p.state()).toBe('failed');
  p.warm('mic-a');
  await flush();
  expect(p.state()).toBe('failed');
  refuse = false;
  p.refresh();
  await flush();
  expect(p.state()).toBe('ready');
  expect(built).toHaveLength(1);
});
