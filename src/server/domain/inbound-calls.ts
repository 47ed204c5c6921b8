import type { CallOffered, CallResolved } from '../../common/calls';
import { samePhoneNumber, toE164 } from '../../common/domain/phone-number';
import type { RingTarget } from '../../common/domain/route-decision';
import type { PresenceState } from '../../common/presence';
import type { HealthIssue } from '../../common/presence-health';
import type { CallEventQuery, HookAction, RouteQuery } from '../../common/sip-hooks';
import { buildRouteInput } from './routing-input';
import { decideRoute } from '../routing/decide-route';
import { planFromDecision, tailRings, type PlannedRing, type PlannedTarget } from './call-plan';
import type { CallOffer, CallRecord, CallRepo } from '../storage/call-repo';
import { recordInteraction } from './record-interaction';
import type { RouteSource } from '../storage/route-source';
import { targetUri, type TargetConfig } from './sip-targets';

export interface CallPublisher {
  offered(staffIds: string[], offer: CallOffered): void;
  resolved(staffIds: string[], resolved: CallResolved): void;
  updated(orgId: string, staffIds: string[], sipCallId: string): void;
}

/** Live presence by staff id (kept in memory: read per agent, never per organisation). */
export type LivePresence = {
  get(staffId: string): { state: PresenceState; issues?: readonly HealthIssue[] } | undefined;
};

/** What becomes of a call once it is settled: notifications for unknown callers, contact timelines. */
export interface CallOutcomes {
  missed(call: CallRecord, offers: CallOffer[]): void;
  answered(call: CallRecord, staffId: string): void;
}

type Deps = {
  source: RouteSource;
  calls: CallRepo;
  presence: LivePresence;
  publish: CallPublisher;
  targets: TargetConfig;
  now: () => number;
  /** Whether the voicemail service answered its last health probe (a known-down service is skipped at once). */
  voicemailUp?: () => boolean;
  outcomes?: CallOutcomes;
};

const MISSED: HookAction = { action: 'reject', code: 480, reason: 'Temporarily Unavailable' };
/**
 * Final answers that mean "every phone of that step said no": an agent's Decline (486, which still lets the call
 * go on to the next ring) or 603. Kamailio reports the best answer of the step, and a timeout (408) or an
 * unregistered phone (480) outranks 486, so 486 only arrives when each phone rung refused.
 */
const DECLINE_CODES = new Set([486, 603]);

/**
 * Inbound calls to virtual numbers: decides once with the routing engine, then hands Kamailio one ring at a
 * time, tells each agent why the call is theirs, and records what happened.
 */
export function createInboundCalls(deps: Deps) {
  const { source, calls, publish } = deps;
  /** The organisation's agents' live presence, read per agent; anyone else (another organisation's id) is offline. */
  const liveIn = (orgId: string) => {
    const { staffById } = source.org(orgId);
    return (staffId: string) => (staffById.has(staffId) ? deps.presence.get(staffId) : undefined);
  };
  const presenceIn = (orgId: string) => {
    const live = liveIn(orgId);
    return (staffId: string): PresenceState => live(staffId)?.state ?? 'offline';
  };
  /** Health issues of the organisation's agents that have any. */
  const healthIn = (orgId: string) => {
    const live = liveIn(orgId);
    return (staffId: string) => (live(staffId)?.issues?.length ? live(staffId)!.issues : undefined);
  };

  function start(q: RouteQuery): HookAction {
    const dialled = toE164(q.to.startsWith('+') ? q.to : `+${q.to}`);
    const found = dialled ? source.findNumber(dialled) : undefined;
    if (!found) return { action: 'reject', code: 404, reason: 'Not a number in service' };
    const { orgId, number } = found;
    const caller = toE164(q.from.startsWith('+') ? q.from : `+${q.from}`) ?? q.from;
    const now = deps.now();
    const presence = presenceIn(orgId);
    const health = healthIn(orgId);
    const question = { orgId, number, caller, callId: q.callId, presence, health, at: now };
    const input = buildRouteInput({ source, calls }, question);
    const decision = decideRoute(input);
    source.saveRotation(number.id, decision.nextRotation);
    const contact = input.org.contacts.find(
      (c) =>
        samePhoneNumber(c.primaryPhone, caller) || c.additionalPhones.some((p) => samePhoneNumber(p.number, caller)),
    );
    const refused = decision.kind === 'refuse';
    calls.insert({
      id: q.callId,
      orgId,
      numberId: number.id,
      number: number.number,
      caller,
      callerName: contact?.name ?? null,
      state: refused ? 'refused' : 'ringing',
      plan: planFromDecision(decision, number.kind === 'company' && !refused && decision.logContactIds.length === 0),
      summary: decision.summary,
      outcomeReason: refused ? (decision.refuseReason === 'busy' ? 'All lines busy' : 'Number reserved') : null,
      startedAt: now,
    });
    if (refused)
      return decision.refuseReason === 'busy'
        ? { action: 'reject', code: 486, reason: 'Busy Here' }
        : { action: 'reject', code: 403, reason: 'Number Not In Service' };
    return nextRing(calls.find(q.callId)!);
  }

  /** The step that just ended was refused by the agents it rang: mark them; their names, for the outcome. */
  function declinedStep(call: CallRecord, lastCode: number | undefined): string[] {
    if (lastCode === undefined || !DECLINE_CODES.has(lastCode) || call.step === 0) return [];
    const step = [...call.plan.rings, ...tailRings(call.plan.onNoAnswer, call.numberId)][call.step - 1];
    if (!step || step.targets.some((t) => t.kind !== 'staff')) return [];
    const ids = calls.markDeclined(call.id, call.step - 1);
    const { staffById } = source.org(call.orgId);
    return ids.map((id) => staffById.get(id)?.name ?? 'an agent');
  }

  /** The next ring with somebody available to take it, or the end of the call. */
  function nextRing(call: CallRecord, declinedBy: string[] = []): HookAction {
    const { staffById } = source.org(call.orgId);
    const extensionOf = (id: string) => staffById.get(id)?.extension ?? null;
    const stateOf = presenceIn(call.orgId);
    const rings: PlannedRing[] = [...call.plan.rings, ...tailRings(call.plan.onNoAnswer, call.numberId)];
    const voicemailUp = deps.voicemailUp ?? (() => true);
    for (let step = call.step; step < rings.length; step++) {
      // Presence may have changed since the decision: ring only who is available now.
      const targets = rings[step]!.targets.filter((t) =>
        t.kind === 'staff' ? stateOf(t.staffId) === 'available' : t.kind === 'external' || voicemailUp(),
      );
      const uris = targets.map((t) => targetUri(t, extensionOf, deps.targets)).filter((u): u is string => Boolean(u));
      if (uris.length === 0) continue;
      if (!calls.advance(call.id, step + 1)) return MISSED;
      offer(call, targets, step, rings[step]!.timeoutSeconds);
      return { action: 'ring', timeout: rings[step]!.timeoutSeconds, targets: uris };
    }
    const declined = declinedBy.length > 0 ? `Declined by ${declinedBy.join(' and ')}` : null;
    const reason =
      declined ??
      (call.plan.onNoAnswer.kind === 'voicemail' ? 'Nobody answered (voicemail unavailable)' : 'Nobody answered');
    if (calls.transition(call.id, ['ringing'], 'missed', deps.now(), reason)) {
      // Whoever declined knows already; the others rung earlier learn who did.
      const decliners = declined
        ? calls
            .offers(call.id)
            .filter((o) => o.declined)
            .map((o) => o.staffId)
        : [];
      resolveOffers(
        call.id,
        'missed',
        declined ? `Missed: declined by ${declinedBy.join(' and ')}` : 'Missed: nobody answered',
        decliners,
      );
      missed(call.id);
      // Kamailio's own failure event that follows finds the call settled and changes nothing: tell the agents now.
      updated(call);
    }
    return MISSED;
  }

  function offer(call: CallRecord, targets: PlannedTarget[], step: number, ringSeconds: number) {
    const at = deps.now();
    const staff = targets.filter((t): t is Extract<RingTarget, { kind: 'staff' }> => t.kind === 'staff');
    calls.addOffers(
      call.id,
      staff.map((t) => ({ staffId: t.staffId, step, reason: t.reason, offeredAt: at })),
    );
    const numberInfo = source.findNumber(call.number)?.number;
    for (const t of staff) {
      publish.offered([t.staffId], {
        sipCallId: call.id,
        number: { id: call.numberId, number: call.number, displayName: numberInfo?.displayName || call.number },
        caller: { number: call.caller, name: call.callerName, known: call.callerName !== null },
        reason: t.reason,
        offeredAt: at,
        ringSeconds,
      });
    }
  }

  function resolveOffers(
    callId: string,
    outcome: CallResolved['outcome'],
    text: string,
    except: string | string[] = [],
  ) {
    const left = typeof except === 'string' ? [except] : except;
    const offered = [...new Set(calls.offers(callId).map((o) => o.staffId))].filter((id) => !left.includes(id));
    if (offered.length) publish.resolved(offered, { sipCallId: callId, outcome, text });
  }

  function missed(callId: string) {
    const call = calls.find(callId);
    if (call) deps.outcomes?.missed(call, calls.offers(callId));
  }

  function updated(call: Pick<CallRecord, 'id' | 'orgId'>) {
    publish.updated(call.orgId, [...new Set(calls.offers(call.id).map((o) => o.staffId))], call.id);
  }

  /** Kamailio saw the 200 from `ext`'s phone (or from the gateway: ext empty). */
  function answered(call: CallRecord, ext: string, now: number): boolean {
    const agent = ext ? source.org(call.orgId).staffByExtension.get(ext) : undefined;
    if (agent && calls.offers(call.id).some((o) => o.staffId === agent.id)) {
      if (!calls.claimAnswer(call.id, agent.id, now)) return false;
      resolveOffers(call.id, 'answered-elsewhere', `Answered by ${agent.name}`, agent.id);
      recordInteraction(source, call, agent.id, now);
      deps.outcomes?.answered(calls.find(call.id)!, agent.id);
      return true;
    }
    if (!calls.transition(call.id, ['ringing'], 'answered', now)) return false;
    resolveOffers(call.id, 'answered-elsewhere', 'Answered elsewhere');
    return true;
  }

  return {
    route(q: RouteQuery): HookAction {
      const existing = calls.find(q.callId);
      if (!existing) return q.attempt === 0 ? start(q) : MISSED;
      if (existing.state !== 'ringing') return MISSED;
      return nextRing(existing, declinedStep(existing, q.lastCode));
    },

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
        resolveOffers(call.id, 'caller-hung-up', 'The caller hung up');
        missed(call.id);
      }
      if (
        q.event === 'failed' &&
        (applied = calls.transition(call.id, ['ringing'], 'missed', now, `Not answered (${q.code ?? 'no code'})`))
      ) {
        resolveOffers(call.id, 'missed', 'Missed: nobody answered');
        missed(call.id);
      }
      if (applied) {
        updated(call);
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
          resolveOffers(c.id, 'missed', 'Missed: the call was lost');
          missed(c.id);
        }
        updated(c);
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
export type InboundCalls = ReturnType<typeof createInboundCalls>;
