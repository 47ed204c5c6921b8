import { normalisePhoneNumber } from '../../common/domain/phone-number';
import type { CallEventQuery, OutboundAnswer, OutboundQuery } from '../../common/sip-hooks';
import type { Repos } from '../storage/repos';
import type { OutboundCall } from '../storage/outbound-call-repo';
import { checkCallerId } from './caller-id-rule';
import { orgCountry } from './org-country';
import { recordEngagement } from './engagement';

export type OutboundDeps = {
  repos: Repos;
  now: () => number;
  /** host:port of each phone-network gateway, tried in order. */
  gateways: string[];
  /** History of this call changed (agent's and supervisors' lists). */
  updated?: (orgId: string, staffIds: string[], callId: string) => void;
};

/** A SIP reason phrase or display name: one line of plain text, no quotes or brackets, bounded. */
export function sipSafeText(text: string, max = 120): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^\x20-\x7E\u00A0-\uFFFF]/g, ' ')
    .replace(/["\\<>]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);
}

/** Why an outbound call did not connect, from the final SIP code (the gateway's or ours). */
function failureReason(code: number | undefined): string {
  switch (code) {
    case 486:
    case 600:
      return 'Busy';
    case 404:
    case 410:
    case 484:
    case 604:
      return 'Number unavailable';
    case 480:
      return 'Not available';
    case 408:
      return 'No answer';
    case 603:
      return 'Declined';
    case 487:
      return 'Cancelled before answer';
    case 502:
    case 503:
    case 504:
      return 'The phone network could not be reached';
    default:
      return code ? `Not connected (${code})` : 'Not connected';
  }
}

/**
 * Calls agents place to customers: the companion judges every outbound INVITE (who calls, which caller ID,
 * engagement or not, to whom) and records what became of it.
 */
export function createOutboundCalls(deps: OutboundDeps) {
  const { repos } = deps;
  const reject = (code: number, reason: string): OutboundAnswer => ({
    action: 'reject',
    code,
    reason: sipSafeText(reason),
  });

  function authorise(q: OutboundQuery): OutboundAnswer {
    const staff = repos.staff.findByExtension(q.agent);
    if (!staff) return reject(403, 'You are not an agent of an organisation');
    const now = deps.now();
    const callee = normalisePhoneNumber(q.callee, orgCountry(repos, staff.orgId));
    const numbers = repos.numbers.list(staff.orgId);
    const remembered = repos.outboundCalls.choice(staff.id);
    const allowedRemembered = remembered ? numbers.find((n) => n.id === remembered) : undefined;
    const fallbackVerdict = allowedRemembered
      ? checkCallerId({ numbers, staffId: staff.id, requested: allowedRemembered.number, engagement: false, now })
      : undefined;
    const verdict = checkCallerId({
      numbers,
      staffId: staff.id,
      requested: q.callerId,
      engagement: q.engagement === '1',
      now,
      fallback: fallbackVerdict?.ok ? fallbackVerdict.number : undefined,
    });
    const contact = callee ? repos.contacts.list(staff.orgId, { phone: callee })[0] : undefined;
    const base = {
      id: q.callId,
      orgId: staff.orgId,
      staffId: staff.id,
      callee: callee ?? q.callee,
      contactId: contact?.id ?? null,
      contactName: contact?.name ?? null,
      engagement: q.engagement === '1',
      startedAt: now,
    };
    if (!callee) {
      repos.outboundCalls.insert({
        ...base,
        numberId: null,
        callerId: q.callerId,
        state: 'refused',
        outcomeReason: 'Not a valid phone number',
      });
      deps.updated?.(staff.orgId, [staff.id], q.callId);
      return reject(484, `${q.callee} is not a valid phone number`);
    }
    if (!verdict.ok) {
      repos.outboundCalls.insert({
        ...base,
        numberId: null,
        callerId: q.callerId,
        state: 'refused',
        outcomeReason: verdict.message,
      });
      deps.updated?.(staff.orgId, [staff.id], q.callId);
      return reject(403, verdict.message);
    }
    const fresh = repos.outboundCalls.insert({
      ...base,
      numberId: verdict.number.id,
      callerId: verdict.number.number,
      state: 'ringing',
      outcomeReason: null,
    });
    if (fresh) repos.outboundCalls.setChoice(staff.id, verdict.number.id, now);
    deps.updated?.(staff.orgId, [staff.id], q.callId);
    return {
      action: 'allow',
      callerId: verdict.number.number,
      displayName: sipSafeText(staff.name, 60),
      targets: deps.gateways.map((gateway) => `sip:${callee}@${gateway}`),
    };
  }

  function answered(call: OutboundCall, at: number) {
    if (!repos.outboundCalls.transition(call.id, ['ringing'], 'answered', at)) return;
    if (call.engagement && call.numberId) recordEngagement(repos, call, at);
  }

  /** A fact Kamailio reports; false when the call is not an outbound one. */
  function event(q: CallEventQuery): boolean {
    const call = repos.outboundCalls.find(q.callId);
    if (!call) return false;
    const now = deps.now();
    if (q.event === 'answered') answered(call, now);
    if (q.event === 'ended')
      repos.outboundCalls.transition(
        call.id,
        ['answered'],
        'ended',
        now,
        q.by === 'caller' ? 'Agent hung up' : 'Customer hung up',
      );
    if (q.event === 'cancelled')
      repos.outboundCalls.transition(call.id, ['ringing'], 'missed', now, 'Cancelled before answer');
    if (q.event === 'failed')
      repos.outboundCalls.transition(call.id, ['ringing'], 'missed', now, failureReason(q.code));
    deps.updated?.(call.orgId, [call.staffId], call.id);
    return true;
  }

  return { authorise, event };
}
export type OutboundCalls = ReturnType<typeof createOutboundCalls>;
