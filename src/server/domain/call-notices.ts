import type { CallOffered, CallResolved } from '../../common/calls';
import type { CallOffer, CallRecord, CallRepo } from '../storage/call-repo';

export interface CallPublisher {
  offered(staffIds: string[], offer: CallOffered): void;
  resolved(staffIds: string[], resolved: CallResolved): void;
  updated(orgId: string, staffIds: string[], sipCallId: string): void;
}

/** What becomes of a call once it is settled: notifications for unknown callers, contact timelines. */
export interface CallOutcomes {
  missed(call: CallRecord, offers: CallOffer[]): void;
  answered(call: CallRecord, staffId: string): void;
}

type Deps = { calls: CallRepo; publish: CallPublisher; outcomes?: CallOutcomes };

/** Who is told what as an inbound call settles: the agents it was offered to, and what the call leaves behind. */
export function createCallNotices({ calls, publish, outcomes }: Deps) {
  const offeredTo = (callId: string) => [...new Set(calls.offers(callId).map((o) => o.staffId))];
  return {
    /** Everyone the call was offered to, but `except`, learns how it ended for them. */
    resolveOffers(callId: string, outcome: CallResolved['outcome'], text: string, except: string | string[] = []) {
      const left = typeof except === 'string' ? [except] : except;
      const offered = offeredTo(callId).filter((id) => !left.includes(id));
      if (offered.length) publish.resolved(offered, { sipCallId: callId, outcome, text });
    },
    missed(callId: string) {
      const call = calls.find(callId);
      if (call) outcomes?.missed(call, calls.offers(callId));
    },
    answered(callId: string, staffId: string) {
      outcomes?.answered(calls.find(callId)!, staffId);
    },
    /** The call's record changed: the agents it was offered to (and the supervisors) read it again. */
    updated(call: Pick<CallRecord, 'id' | 'orgId'>) {
      publish.updated(call.orgId, offeredTo(call.id), call.id);
    },
  };
}
export type CallNotices = ReturnType<typeof createCallNotices>;
