import { renewBinding, type Binding } from '../../common/domain/binding';
import type { Repos } from '../storage/repos';
import type { OutboundCall } from '../storage/outbound-call-repo';
import { engagementAvailable } from './caller-id-rule';

/**
 * An answered engagement-mode call binds the customer to the agent through the number: created, or slid to
 * answer time + the number's binding days (and moved to this agent if another held it).
 */
export function recordEngagement(
  repos: Repos,
  call: Pick<OutboundCall, 'orgId' | 'numberId' | 'staffId' | 'callee'>,
  at: number,
): void {
  const number = call.numberId ? repos.numbers.find(call.orgId, call.numberId) : undefined;
  if (!number || number.kind !== 'standard' || !engagementAvailable(number)) return;
  const base: Binding = {
    kind: 'engagement',
    caller: call.callee,
    numberId: number.id,
    staffId: call.staffId,
    expiresAt: at,
    lastInteractionAt: at,
  };
  repos.bindings.save(call.orgId, renewBinding(base, at, number.routing.engagement.bindingDays));
}
