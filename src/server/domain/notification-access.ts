import type { Role } from '../../common/auth';

/** What the rule needs to know about a notification. */
export type NotificationFacts = {
  orgId: string;
  state: 'unclaimed' | 'claimed' | 'done';
  /** The agents of the rule that routed it (for an answered call: the answering agent only). */
  audienceIds: string[];
  claimedBy: string | null;
};
export type Viewer = { id: string; orgId: string; role: Role };

/** The answer to "may this viewer claim it": the viewer wins the race, already holds it, or why not. */
export type ClaimVerdict = 'claimable' | 'yours' | 'claimed-by-other' | 'not-in-rule' | 'not-found';

const oversees = (v: Viewer) => v.role === 'supervisor' || v.role === 'admin';

/**
 * Who sees a notification: nobody outside its organisation; supervisors and admins every one of theirs;
 * agents the unclaimed ones of rules they are on, and the ones they claimed.
 */
export function maySee(viewer: Viewer, n: NotificationFacts): boolean {
  if (viewer.orgId !== n.orgId) return false;
  if (oversees(viewer)) return true;
  if (n.claimedBy !== null) return n.claimedBy === viewer.id;
  return n.audienceIds.includes(viewer.id);
}

/**
 * Who may claim it: only an agent of its rule, only while unclaimed. This is the check before the
 * database's conditional write, which alone decides between two agents who both pass it.
 */
export function claimVerdict(viewer: Viewer, n: NotificationFacts): ClaimVerdict {
  if (viewer.orgId !== n.orgId) return 'not-found';
  if (n.claimedBy === viewer.id) return 'yours';
  if (!n.audienceIds.includes(viewer.id))
    return maySee(viewer, n) || n.claimedBy === null ? 'not-in-rule' : 'not-found';
  if (n.claimedBy !== null) return 'claimed-by-other';
  return 'claimable';
}

/** Only the claimer acts on a claimed notification (texts, contacts, done). */
export function mayAct(viewer: Viewer, n: NotificationFacts): boolean {
  return viewer.orgId === n.orgId && n.claimedBy === viewer.id;
}
