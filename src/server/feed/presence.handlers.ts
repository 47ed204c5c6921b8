import { AppError } from '../../common/errors';
import type { Ack } from '../../common/feed-events';
import { phoneStatusSchema } from '../../common/presence';
import { toAppError } from '../http/errors';
import { parsePresenceChoice } from '../presence/presence-choice';
import type { PresenceService } from '../presence/presence-service';
import type { FeedSocket } from './feed-server';

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

export function registerPresenceHandlers(socket: FeedSocket, presence: PresenceService): void {
  const staff = socket.data.staff;
  socket.on('phone:report', (body, ack) =>
    answer(ack, () => {
      presence.report(staff.id, socket.id, phoneStatusSchema.parse(body));
      return null;
    }),
  );
  socket.on('presence:set', (body, ack) =>
    answer(ack, () => {
      const { state, reasonId } = parsePresenceChoice(body, staff);
      presence.setManual(staff.id, state, reasonId);
      const now = presence.get(staff.id);
      if (!now) throw new AppError('NOT_FOUND', 'No presence for this agent.');
      return now;
    }),
  );
}
