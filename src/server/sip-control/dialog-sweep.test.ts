import { expect, test } from 'vitest';
import { startDialogSweep } from './dialog-sweep';

const sweep = (listDialogs: () => Promise<Set<string>>, seen: Array<[Set<string>, number]>, log: string[] = []) =>
  startDialogSweep({
    listDialogs,
    reconcile: (live, before) => (seen.push([live, before]), 1),
    now: () => 100_000,
    everyMs: 2 ** 31 - 1,
    log: (l) => log.push(l),
  });

test('reconciles with the dialogs Kamailio listed, sparing calls younger than the grace period', async () => {
  const seen: Array<[Set<string>, number]> = [];
  const s = sweep(async () => new Set(['a']), seen);
  expect(await s.runOnce()).toBe(1);
  expect(await s.runOnce(0)).toBe(1);
  s.stop();
  expect(seen).toEqual([
    [new Set(['a']), 90_000],
    [new Set(['a']), 100_000],
  ]);
});

test('when Kamailio cannot be asked, nothing is closed (no answer is not an empty list)', async () => {
  const seen: Array<[Set<string>, number]> = [];
  const log: string[] = [];
  const s = sweep(() => Promise.reject(new Error('connect ENOENT')), seen, log);
  expect(await s.runOnce()).toBe(0);
  s.stop();
  expect(seen).toEqual([]);
  expect(log[0]).toMatch(/skipped/);
});
