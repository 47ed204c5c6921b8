import { dryRunRequestSchema, type DryRunResponse } from '../../common/api/routing';
import type { PresenceState } from '../../common/presence';
import type { HealthIssue } from '../../common/presence-health';
import { AppError } from '../../common/errors';
import { decideRoute } from '../routing/decide-route';
import { notFound, type Actor, type UseCaseDeps } from './actor';
import { repoRouteSource } from '../storage/repo-route-source';
import { buildRouteInput } from './routing-input';
import { allowedCallerIds } from './caller-id-rule';

export type DryRunDeps = UseCaseDeps & {
  presenceOf: (orgId: string) => Array<{ staffId: string; state: PresenceState; issues?: readonly HealthIssue[] }>;
};

/**
 * Where would a call from `caller` to this number ring at `at`? The engine's explained decision with the
 * organisation's live presence (or the "what if" presence given), its bindings, the number's rotation and the
 * calls in progress and answered today, read by the builder the real decision uses (routing-input.ts).
 * Nothing is saved: the rotation does not advance and no binding changes.
 */
export function dryRun(deps: DryRunDeps, actor: Actor, body: unknown): DryRunResponse {
  if (actor.role === 'agent') throw new AppError('FORBIDDEN', 'Only supervisors and admins may try out routing.');
  const input = dryRunRequestSchema.parse(body);
  const number = deps.repos.numbers.find(actor.orgId, input.numberId);
  if (!number) throw notFound('number');
  const at = input.at ? new Date(input.at) : new Date(deps.now());
  const livePresence = deps.presenceOf(actor.orgId);
  const live = Object.fromEntries(livePresence.map((p) => [p.staffId, p.state]));
  const presence = { ...live, ...input.presence };
  // A "what if" state replaces the agent's live one, health included.
  const health = Object.fromEntries(
    livePresence
      .filter((p) => p.issues?.length && !(input.presence && p.staffId in input.presence))
      .map((p) => [p.staffId, p.issues!]),
  );
  const reads = { source: repoRouteSource(deps.repos, deps.now), calls: deps.repos.calls };
  const question = { orgId: actor.orgId, number, caller: input.caller, presence, health, at: at.getTime() };
  const routeInput = buildRouteInput(reads, question);
  const decision = decideRoute(routeInput);
  const org = routeInput.org;
  return {
    number: { id: number.id, number: number.number, displayName: number.displayName, kind: number.kind },
    caller: input.caller,
    at: at.toISOString(),
    decision,
    callerIdStaff: org.staff
      .filter((s) => allowedCallerIds([number], s.id, at.getTime()).length > 0)
      .map((s) => ({ staffId: s.id, name: s.name })),
  };
}
