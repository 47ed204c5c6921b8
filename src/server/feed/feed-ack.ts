import type { Ack } from '../../common/feed-events';
import { toAppError } from '../http/errors';

/**
 * Runs a command body and answers the ack, when one is given, with its result or our error shape. The command
 * runs whether or not the sender asked for an answer; a failure never escapes into the socket's listener.
 */
export function answer<T>(ack: unknown, run: () => T): void {
  const reply = typeof ack === 'function' ? (ack as (a: Ack<T>) => void) : () => {};
  let result: Ack<T>;
  try {
    result = { ok: true, data: run() };
  } catch (e) {
    const error = toAppError(e);
    if (error.code === 'INTERNAL') console.error('[feed] unexpected error', e);
    result = { ok: false, error: error.toJSON() };
  }
  reply(result);
}
