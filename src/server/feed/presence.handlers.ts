import { AppError } from '../../common/errors';
import { phoneStatusSchema } from '../../common/presence';
import { parsePresenceChoice } from '../presence/presence-choice';
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
  // No body and no answer: the arrival is the message, timed by the companion's clock.
  socket.on('phone:heartbeat', () => presence.heartbeat(staff.id, socket.id));
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
