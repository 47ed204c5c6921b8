import type { RingTarget } from '../../common/domain/route-decision';
import { samePhoneNumber, toE164 } from '../../common/domain/phone-number';
import type { HookAction, RouteQuery } from '../../common/sip-hooks';
import { orgPresence, type LivePresence } from '../presence/org-presence';
import { buildRouteInput } from './routing-input';
import { decideRoute } from '../routing/decide-route';
import { planFromDecision, tailRings, type PlannedRing, type PlannedTarget } from './call-plan';
import { createCallNotices, type CallOutcomes, type CallPublisher } from './call-notices';
import type { CallRecord, CallRepo } from '../storage/call-repo';
import { createInboundCallEvents } from './inbound-call-events';
import type { RouteSource } from '../storage/route-source';
import { targetUri, type TargetConfig } from './sip-targets';

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
 * time and tells each agent why the call is theirs; what Kamailio reports next is applied by
 * inbound-call-events.ts.
 */
export function createInboundCalls(deps: Deps) {
  const { source, calls, publish } = deps;
  const notices = createCallNotices(deps);
  const { resolveOffers, missed, updated } = notices;
  const presenceIn = (orgId: string) => orgPresence(deps.presence, source.org(orgId).staffById);

  function start(q: RouteQuery): HookAction {
    const dialled = toE164(q.to.startsWith('+') ? q.to : `+${q.to}`);
    const found = dialled ? source.findNumber(dialled) : undefined;
    if (!found) return { action: 'reject', code: 404, reason: 'Not a number in service' };
    const { orgId, number } = found;
    const caller = toE164(q.from.startsWith('+') ? q.from : `+${q.from}`) ?? q.from;
    const now = deps.now();
    const { state: presence, health } = presenceIn(orgId);
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
    const stateOf = presenceIn(call.orgId).state;
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

  return {
    route(q: RouteQuery): HookAction {
      const existing = calls.find(q.callId);
      if (!existing) return q.attempt === 0 ? start(q) : MISSED;
      if (existing.state !== 'ringing') return MISSED;
      return nextRing(existing, declinedStep(existing, q.lastCode));
    },

    ...createInboundCallEvents({ source, calls, now: deps.now, notices }),
  };
}
export type InboundCalls = ReturnType<typeof createInboundCalls>;
