import { z } from 'zod';
import { AppError } from '../../common/errors';
import type { InboundCalls } from '../calls/inbound-calls';
import type { FeedServer, FeedSocket } from './feed-server';
import { rooms } from './feed-server';
import { answer } from './presence.handlers';
import type { CallPublisher } from '../calls/inbound-calls';
import type { VoicemailPublisher } from '../voicemail/inbox';

export function registerCallHandlers(socket: FeedSocket, calls: InboundCalls): void {
  const staff = socket.data.staff;
  socket.on('call:answer', (body, ack) =>
    answer(ack, () => {
      // A hint only: who answered is what Kamailio reports in the call's answered event.
      const { sipCallId } = z.object({ sipCallId: z.string().min(1) }).parse(body);
      // The agent who lost the race (or was never offered the call) is told so, not thanked.
      if (!calls.answerHint(staff.id, sipCallId)) throw new AppError('ALREADY_CLAIMED', 'This call was answered by someone else or was not offered to you.');
      return null;
    }),
  );
}

/** Call facts go to the agents concerned; history changes also to the organisation's supervisors. */
export function feedCallPublisher(io: () => FeedServer): CallPublisher {
  return {
    offered: (staffIds, offer) => void io().to(staffIds.map(rooms.staff)).emit('call:offered', offer),
    resolved: (staffIds, resolved) => void io().to(staffIds.map(rooms.staff)).emit('call:resolved', resolved),
    updated: (orgId, staffIds, sipCallId) => void io().to([rooms.supervisors(orgId), ...staffIds.map(rooms.staff)]).emit('call:updated', { sipCallId }),
  };
}

/** Voicemail facts go to everyone who may hear the box. */
export function feedVoicemailPublisher(io: () => FeedServer): VoicemailPublisher {
  return {
    created: (staffIds, message) => void (staffIds.length && io().to(staffIds.map(rooms.staff)).emit('voicemail:created', message)),
    changed: (staffIds, id) => void (staffIds.length && io().to(staffIds.map(rooms.staff)).emit('voicemail:changed', { id })),
  };
}
