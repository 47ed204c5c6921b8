import { AppError } from '../../common/errors';
import type { Repos } from '../storage/repos';
import type { StaffRecord } from '../storage/staff-repo';

/** The signed-in staff member a use case acts for: every lookup is scoped by their organisation. */
export type Actor = Pick<StaffRecord, 'id' | 'orgId' | 'name' | 'role'>;

export type UseCaseDeps = { repos: Repos; now: () => number };

export function assertAdmin(actor: Actor, what: string): void {
  if (actor.role !== 'admin') throw new AppError('FORBIDDEN', `Only admins may ${what}.`);
}

export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `No such ${what}.`);
}

/** The change stamp and audit author for a write by this actor. */
export function stampOf(actor: Actor, at: number) {
  return { stamp: { by: actor.id, at }, author: { id: actor.id, name: actor.name } };
}

/**
 * Records a change to the actor's own organisation's settings (one `section` of them) in the change log; call
 * it inside the transaction that makes the change, so both land or neither.
 */
export function recordOrgChange(
  deps: UseCaseDeps,
  actor: Actor,
  at: number,
  change: { section: string; summary: string; before: unknown; after: unknown },
): void {
  const { author } = stampOf(actor, at);
  deps.repos.changes.record({
    orgId: actor.orgId,
    entity: 'organisation',
    entityId: actor.orgId,
    ...change,
    by: author,
    at,
  });
}
