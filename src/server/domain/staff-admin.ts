import { randomUUID } from 'node:crypto';
import { newStaffSchema, staffUpdateSchema, type StaffView } from '../../common/api/staff';
import { passwordProblem } from '../../common/domain/password-policy';
import { AppError } from '../../common/errors';
import { hashPassword } from '../auth/passwords';
import type { Revocation } from '../auth/revocation';
import type { StaffPatch, StaffRecord } from '../storage/staff-repo';
import { assertAdmin, notFound, stampOf, type Actor, type UseCaseDeps } from './actor';

export function toStaffView(s: StaffRecord): StaffView {
  return { id: s.id, name: s.name, email: s.email, role: s.role, extension: s.extension };
}

/** Everyone in the organisation may list it (for pickers); nobody sees another organisation's staff. */
export function listStaff(deps: UseCaseDeps, actor: Actor): StaffView[] {
  return deps.repos.staff.listByOrg(actor.orgId).map(toStaffView);
}

export function getStaff(deps: UseCaseDeps, actor: Actor, id: string): StaffView {
  const s = deps.repos.staff.findInOrg(actor.orgId, id);
  if (!s) throw notFound('staff member');
  return toStaffView(s);
}

/** Emails and extensions are unique across the whole system: say which field clashes. */
function asConflict(err: unknown): never {
  const message = err instanceof Error ? err.message : '';
  if (message.includes('UNIQUE') && message.includes('email'))
    throw new AppError('CONFLICT', 'email: that email address is already in use', ['email']);
  if (message.includes('UNIQUE') && message.includes('extension'))
    throw new AppError('CONFLICT', 'extension: that extension is already taken', ['extension']);
  throw err;
}

function assertPasswordFor(password: string, email: string): void {
  const problem = passwordProblem(password, email);
  if (problem) throw new AppError('INVALID_INPUT', `password: ${problem}`, ['password']);
}

export async function createStaff(deps: UseCaseDeps, actor: Actor, body: unknown): Promise<StaffView> {
  assertAdmin(actor, 'add staff');
  const input = newStaffSchema.parse(body);
  assertPasswordFor(input.password, input.email);
  const passwordHash = await hashPassword(input.password);
  const id = `staff-${randomUUID()}`;
  const { author, stamp } = stampOf(actor, deps.now());
  try {
    deps.repos.transaction(() => {
      deps.repos.staff.insert({
        id,
        orgId: actor.orgId,
        name: input.name,
        email: input.email,
        role: input.role,
        extension: input.extension,
        passwordHash,
      });
      const after = { name: input.name, email: input.email, role: input.role, extension: input.extension };
      deps.repos.changes.record({
        orgId: actor.orgId,
        entity: 'staff',
        entityId: id,
        section: 'profile',
        summary: `Added ${input.name} (${input.role})`,
        before: null,
        after,
        by: author,
        at: stamp.at,
      });
    });
  } catch (err) {
    asConflict(err);
  }
  return getStaff(deps, actor, id);
}

/**
 * An admin's change of someone's password, role, email or extension ends that person's sessions, feed sockets and
 * SIP credentials at once (for the old and the new extension): they sign in again under the new terms.
 */
export async function updateStaff(
  deps: UseCaseDeps & { revocation?: Revocation },
  actor: Actor,
  id: string,
  body: unknown,
): Promise<StaffView> {
  assertAdmin(actor, 'edit staff');
  const current = deps.repos.staff.findInOrg(actor.orgId, id);
  if (!current) throw notFound('staff member');
  const input = staffUpdateSchema.parse(body);
  if (input.role && input.role !== 'admin' && current.role === 'admin') {
    const admins = deps.repos.staff.listByOrg(actor.orgId).filter((s) => s.role === 'admin');
    if (admins.length <= 1) throw new AppError('CONFLICT', 'role: the organisation needs at least one admin', ['role']);
  }
  const { password, ...fields } = input;
  if (password) assertPasswordFor(password, fields.email ?? current.email);
  const patch: StaffPatch = { ...fields, ...(password ? { passwordHash: await hashPassword(password) } : {}) };
  const before = toStaffView(current);
  const after = { ...before, ...fields };
  const changed = Object.keys(fields).filter((k) => before[k as keyof StaffView] !== after[k as keyof StaffView]);
  const summary =
    [changed.length ? `Changed ${changed.join(', ')}` : '', password ? 'password reset' : '']
      .filter(Boolean)
      .join('; ') || 'No change';
  const { author, stamp } = stampOf(actor, deps.now());
  try {
    deps.repos.transaction(() => {
      if (!deps.repos.staff.update(actor.orgId, id, patch)) throw notFound('staff member');
      deps.repos.changes.record({
        orgId: actor.orgId,
        entity: 'staff',
        entityId: id,
        section: 'profile',
        summary,
        before,
        after,
        by: author,
        at: stamp.at,
      });
    });
  } catch (err) {
    asConflict(err);
  }
  const accessChanged =
    password !== undefined || changed.some((k) => k === 'role' || k === 'extension' || k === 'email');
  if (accessChanged) await deps.revocation?.revokePerson(id, [current.extension, after.extension]);
  return getStaff(deps, actor, id);
}

export function listStaffChanges(deps: UseCaseDeps, actor: Actor, id: string) {
  getStaff(deps, actor, id);
  return deps.repos.changes.list(actor.orgId, 'staff', id);
}
