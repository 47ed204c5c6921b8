import { endWrapUp, inWrapUp, isTalking, nextWrapUp, noWrapUp, type WrapUp } from './wrap-up';

const T = 1_000_000;
const running = (until: number, talking = false): WrapUp => ({ talking, until });

test.each([
  {
    why: 'an answered call ends: wrap-up for the seconds',
    prev: { talking: true, until: null },
    talking: false,
    seconds: 30,
    now: T,
    want: running(T + 30_000),
  },
  { why: 'wrap-up 0 is off', prev: { talking: true, until: null }, talking: false, seconds: 0, now: T, want: noWrapUp },
  {
    why: 'a call is answered: no wrap-up while talking',
    prev: noWrapUp,
    talking: true,
    seconds: 30,
    now: T,
    want: { talking: true, until: null },
  },
  {
    why: 'a call answered during wrap-up cancels it',
    prev: running(T + 10_000),
    talking: true,
    seconds: 30,
    now: T,
    want: { talking: true, until: null },
  },
  {
    why: 'wrap-up runs on before its end',
    prev: running(T + 10_000),
    talking: false,
    seconds: 30,
    now: T + 9_999,
    want: running(T + 10_000),
  },
  {
    why: 'wrap-up is over at its end',
    prev: running(T + 10_000),
    talking: false,
    seconds: 30,
    now: T + 10_000,
    want: noWrapUp,
  },
  { why: 'nothing happened, no wrap-up', prev: noWrapUp, talking: false, seconds: 30, now: T, want: noWrapUp },
])('$why', ({ prev, talking, seconds, now, want }) => {
  expect(nextWrapUp(prev, talking, seconds, now)).toEqual(want);
});

test('in wrap-up only before its end, by the clock given', () => {
  expect(inWrapUp(running(T), T - 1)).toBe(true);
  expect(inWrapUp(running(T), T)).toBe(false);
  expect(inWrapUp(noWrapUp, T)).toBe(false);
});

test('Ready ends the wrap-up and keeps the call facts', () => {
  expect(endWrapUp(running(T + 5000, false))).toEqual(noWrapUp);
});

test('talking: any phone with an answered call; phones that report no count have none', () => {
  const phone = (connected?: number) => ({
    registration: 'registered' as const,
    ringing: 0,
    activeCalls: connected ?? 0,
    connected,
  });
  expect(isTalking([phone(0), phone(1)])).toBe(true);
  expect(isTalking([phone(undefined)])).toBe(false);
  expect(isTalking([])).toBe(false);
});
