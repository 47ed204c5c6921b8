import { AppError } from '../../common/errors';
import { presenceSetSchema } from '../../common/feed-events';
import { phoneStatusSchema } from '../../common/presence';
import type { PresenceService } from '../presence/presence-service';
import { answer } from './feed-ack';
import type { FeedSocket } from './feed-socket';

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
      const { state } = presenceSetSchema.parse(body);
      presence.setManual(staff.id, state);
      const now = presence.get(staff.id);
      if (!now) throw new AppError('NOT_FOUND', 'No presence for this agent.');
      return now;
    }),
  );
}
