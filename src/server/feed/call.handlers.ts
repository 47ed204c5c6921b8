import { AppError } from '../../common/errors';
import { callAnswerSchema } from '../../common/feed-events';
import type { InboundCalls } from '../domain/inbound-calls';
import { answer } from './feed-ack';
import type { FeedSocket } from './feed-socket';

export function registerCallHandlers(socket: FeedSocket, calls: InboundCalls): void {
  const staff = socket.data.staff;
  socket.on('call:answer', (body, ack) =>
    answer(ack, () => {
      // A hint only: who answered is what Kamailio reports in the call's answered event.
      const { sipCallId } = callAnswerSchema.parse(body);
      // The agent who lost the race (or was never offered the call) is told so, not thanked.
      if (!calls.answerHint(staff.id, sipCallId)) {
        throw new AppError('ALREADY_CLAIMED', 'This call was answered by someone else or was not offered to you.');
      }
      return null;
    }),
  );
}
