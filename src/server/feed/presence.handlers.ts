import { z } from 'zod';
import { AppError } from '../../common/errors';
import type { Ack } from '../../common/feed-events';
import { manualPresenceSchema, phoneStatusSchema } from '../../common/presence';
import { toAppError } from '../http/errors';
import type { PresenceService } from '../presence/presence-service';
import type { FeedSocket } from './feed-server';

/** Runs a command body and answers the ack with its result or our error shape. */
export function answer<T>(ack: unknown, run: () => T): void {
  if (typeof ack !== 'function') return;
  try {
    (ack as (a: Ack<T>) => void)({ ok: true, data: run() });
  } catch (e) {
    (ack as (a: Ack<T>) => void)({ ok: false, error: toAppError(e).toJSON() });
  }
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
      const { state } = z.object({ state: manualPresenceSchema }).parse(body);
      presence.setManual(staff.id, state);
      const now = presence.get(staff.id);
      if (!now) throw new AppError('NOT_FOUND', 'No presence for this agent.');
      return now;
    }),
  );
}
