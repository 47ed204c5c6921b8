import { renewBinding, type Binding } from '../../common/domain/binding';
import type { CallRecord } from '../storage/call-repo';
import type { RouteSource } from '../storage/route-source';

/**
 * An answered call is an interaction: with sticky routing on, it creates or slides the caller's sticky
 * binding to the agent; an engagement binding of the same caller, number and agent slides too.
 */
export function recordInteraction(
  source: RouteSource,
  call: Pick<CallRecord, 'orgId' | 'numberId' | 'number' | 'caller'>,
  staffId: string,
  at: number,
): void {
  const found = source.findNumber(call.number);
  if (!found || found.number.kind !== 'standard') return;
  const { sticky, engagement } = found.number.routing;
  const existing = source.bindings(call.orgId, call.numberId, call.caller, at);
  if (sticky.enabled) {
    const current = existing.find((b) => b.kind === 'sticky');
    const base: Binding =
      current && current.staffId === staffId
        ? current
        : {
            kind: 'sticky',
            caller: call.caller,
            numberId: call.numberId,
            staffId,
            expiresAt: at,
            lastInteractionAt: at,
          };
    source.saveBinding(call.orgId, renewBinding(base, at, sticky.bindingDays));
  }
  const bound = existing.find((b) => b.kind === 'engagement' && b.staffId === staffId && b.expiresAt > at);
  if (engagement.enabled && bound) source.saveBinding(call.orgId, renewBinding(bound, at, engagement.bindingDays));
}
