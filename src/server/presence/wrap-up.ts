import type { PhoneStatus } from '../../common/presence';

/**
 * Wrap-up, the time an agent gets after every answered call before routing rings them again. The rules live
 * here, pure, the clock passed in; the presence service keeps one `WrapUp` per agent and asks these.
 */
export type WrapUp = {
  /** Whether any of the agent's phones holds an answered call (talking or on hold). */
  talking: boolean;
  /** Epoch milliseconds (the companion's clock) when the wrap-up ends; null: not wrapping up. */
  until: number | null;
};

export const noWrapUp: WrapUp = { talking: false, until: null };

/** Answered calls in progress over all the agent's phones (a phone that reports none has none). */
export const isTalking = (phones: PhoneStatus[]): boolean => phones.some((p) => (p.connected ?? 0) > 0);

/**
 * The wrap-up after the phones report `talking`: the last answered call ending starts one of `seconds`
 * (none when 0); a call being answered cancels the one running (the next starts when that call ends);
 * otherwise it runs on until its end, and is over from that millisecond.
 */
export function nextWrapUp(prev: WrapUp, talking: boolean, seconds: number, now: number): WrapUp {
  if (talking) return { talking, until: null };
  if (prev.talking) return { talking, until: seconds > 0 ? now + seconds * 1000 : null };
  return { talking, until: prev.until !== null && now < prev.until ? prev.until : null };
}

/** Whether the agent is wrapping up at `now`. */
export const inWrapUp = (w: WrapUp, now: number): boolean => w.until !== null && now < w.until;

/** The agent pressed Ready (or chose a state by hand): the wrap-up ends now. */
export const endWrapUp = (w: WrapUp): WrapUp => ({ talking: w.talking, until: null });
