import type { CallEventQuery } from '../../common/sip-hooks';
import { tailRings } from './call-plan';
import type { CallNotices } from './call-notices';
import type { CallRecord, CallRepo } from '../storage/call-repo';
import { recordInteraction } from './record-interaction';
import type { RouteSource } from '../storage/route-source';

type Deps = { source: RouteSource; calls: CallRepo; now: () => number; notices: CallNotices };

/**
 * What happens to an inbound call once it rings, as Kamailio reports it (answered, ended, cancelled, failed), as
 * the SIP proxy's dialogs show it (calls it no longer holds), and as an agent's browser hints it.
 */
export function createInboundCallEvents(deps: Deps) {
  const { source, calls, notices } = deps;

  /** Kamailio saw the 200 from `ext`'s phone (or from the gateway: ext empty). */
  function answered(call: CallRecord, ext: string, now: number): boolean {
    const agent = ext ? source.org(call.orgId).staffByExtension.get(ext) : undefined;
    if (agent && calls.offers(call.id).some((o) => o.staffId === agent.id)) {
      if (!calls.claimAnswer(call.id, agent.id, now)) return false;
      notices.resolveOffers(call.id, 'answered-elsewhere', `Answered by ${agent.name}`, agent.id);
      recordInteraction(source, call, agent.id, now);
      notices.answered(call.id, agent.id);
      return true;
    }
    if (!calls.transition(call.id, ['ringing'], 'answered', now)) return false;
    notices.resolveOffers(call.id, 'answered-elsewhere', 'Answered elsewhere');
    return true;
  }

  return {
    /**
     * A fact Kamailio observed. Applied only to a call we know, in a state where it can happen. 'unchanged':
     * the call is already where the event leads (a failure after the companion itself said reject);
     * 'refused': no such call, or one where this cannot happen (a forged or stray event changes nothing).
     */
    event(q: CallEventQuery): 'applied' | 'unchanged' | 'refused' {
      const call = calls.find(q.callId);
      if (!call) return 'refused';
      const now = deps.now();
      // The ring in progress is the voicemail service's: the call's outcome says so, not "an agent hung up".
      const ringing = [...call.plan.rings, ...tailRings(call.plan.onNoAnswer, call.numberId)][call.step - 1];
      const toVoicemail = ringing?.note === 'voicemail';
      let applied = false;
      if (q.event === 'answered') {
        applied = toVoicemail
          ? calls.transition(call.id, ['ringing'], 'answered', now, 'Answered by voicemail')
          : answered(call, q.ext ?? '', now);
      }
      if (q.event === 'ended') {
        const reason = toVoicemail ? 'Voicemail' : q.by === 'caller' ? 'Caller hung up' : 'Agent hung up';
        applied = calls.transition(call.id, ['answered'], 'ended', now, reason);
      }
      if (
        q.event === 'cancelled' &&
        (applied = calls.transition(call.id, ['ringing'], 'missed', now, 'Caller hung up while ringing'))
      ) {
        notices.resolveOffers(call.id, 'caller-hung-up', 'The caller hung up');
        notices.missed(call.id);
      }
      if (
        q.event === 'failed' &&
        (applied = calls.transition(call.id, ['ringing'], 'missed', now, `Not answered (${q.code ?? 'no code'})`))
      ) {
        notices.resolveOffers(call.id, 'missed', 'Missed: nobody answered');
        notices.missed(call.id);
      }
      if (applied) {
        notices.updated(call);
        return 'applied';
      }
      const settled = q.event === 'ended' ? ['ended'] : q.event === 'answered' ? [] : ['missed', 'refused'];
      return settled.includes(calls.find(q.callId)!.state) ? 'unchanged' : 'refused';
    },

    /**
     * Calls whose end was never reported (events lost while the companion was away): any ringing or answered
     * call that started before `before` and that Kamailio no longer holds a dialog for is closed now, so it
     * never counts toward a number's simultaneous-call limit again. Returns how many were closed.
     */
    reconcile(liveCallIds: Set<string>, before: number): number {
      let closed = 0;
      const now = deps.now();
      for (const c of calls.unfinished(before)) {
        if (liveCallIds.has(c.id)) continue;
        const done =
          c.state === 'ringing'
            ? calls.transition(c.id, ['ringing'], 'missed', now, 'Lost: the call was no longer up at the SIP proxy')
            : calls.transition(c.id, ['answered'], 'ended', now, 'Ended: the call was no longer up at the SIP proxy');
        if (!done) continue;
        closed++;
        if (c.state === 'ringing') {
          notices.resolveOffers(c.id, 'missed', 'Missed: the call was lost');
          notices.missed(c.id);
        }
        notices.updated(c);
      }
      return closed;
    },

    /**
     * The browser says its phone answered. Only a hint: who answered is what Kamailio reports (the 200's
     * branch, in the answered event); a call that only rang is never marked answered from this.
     */
    answerHint(staffId: string, sipCallId: string): boolean {
      const call = calls.find(sipCallId);
      if (!call || !calls.offers(sipCallId).some((o) => o.staffId === staffId)) return false;
      // Not yet reported by Kamailio (the hint came first), or reported as this agent: the answer stands.
      return call.answeredBy === null || call.answeredBy === staffId;
    },
  };
}
