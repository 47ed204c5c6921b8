import type { Role } from '../auth';

/** Who watches the board: supervisors and admins. Agents see only themselves. */
export const watchesBoard = (role: Role): boolean => role === 'supervisor' || role === 'admin';

const rank: Record<Role, number> = { agent: 0, supervisor: 1, admin: 2 };

/**
 * Whether `actor` may set `target` Away or sign them out: someone who watches the board, acting on a member of
 * their own organisation of a lower role (a supervisor on agents, an admin on agents and supervisors), never on
 * themselves. The API, the feed and the board's buttons all ask this.
 */
export function mayActOn(
  actor: { id: string; orgId: string; role: Role },
  target: { id: string; orgId: string; role: Role },
): 'yes' | 'not-a-supervisor' | 'other-organisation' | 'not-below' {
  if (!watchesBoard(actor.role)) return 'not-a-supervisor';
  if (actor.orgId !== target.orgId) return 'other-organisation';
  if (actor.id === target.id || rank[target.role] >= rank[actor.role]) return 'not-below';
  return 'yes';
}
