import { randomUUID } from 'node:crypto';
import { claimRequestSchema, type ClaimAction, type NotificationView } from '../../common/notifications';
import { AppError } from '../../common/errors';
import type { Actor } from '../domain/actor';
import { claimVerdict, mayAct, maySee } from '../domain/notification-access';
import type { NotificationDeps } from './notification-deps';
import type { NotificationRecord } from './notification-repo';
import { viewsOf } from './notification-views';

const LIST_LIMIT = 200;

const actionWords: Record<ClaimAction, string> = {
  claim: 'claimed',
  'call-back': 'call back',
  'text-back': 'text back',
  'create-contact': 'created a contact',
  associate: 'associated with a contact',
  answered: 'answered the call',
  routed: 'primary agent',
};

/** Unclaimed notifications and the claim race: the database's conditional write decides who wins. */
export function createNotificationsService(deps: NotificationDeps) {
  const { notifications } = deps;

  /** The notification the actor may see, else 404 (another organisation's id looks like no id at all). */
  function visible(actor: Actor, id: string): NotificationRecord {
    const n = notifications.find(id);
    if (!n || !maySee(actor, n)) {
      // An agent of the rule who lost the race is told who won rather than "not found".
      if (n && claimVerdict(actor, n) === 'claimed-by-other') throw alreadyClaimed(n);
      throw new AppError('NOT_FOUND', 'No such notification.');
    }
    return n;
  }

  function alreadyClaimed(n: NotificationRecord): AppError {
    const name = n.claimedBy ? deps.repos.staff.findInOrg(n.orgId, n.claimedBy)?.name : undefined;
    return new AppError('ALREADY_CLAIMED', `${name ?? 'Another agent'} already claimed this caller.`);
  }

  /**
   * Claims for the actor, or confirms they hold it already (idempotent for the winner). Throws 404 for
   * another organisation's, 403 off the rule, 409 ALREADY_CLAIMED naming the winner.
   */
  function claimRecord(actor: Actor, id: string, action: ClaimAction): { record: NotificationRecord; won: boolean } {
    const before = notifications.find(id);
    if (!before) throw new AppError('NOT_FOUND', 'No such notification.');
    const verdict = claimVerdict(actor, before);
    if (verdict === 'not-found') throw new AppError('NOT_FOUND', 'No such notification.');
    if (verdict === 'not-in-rule')
      throw new AppError('FORBIDDEN', 'This caller was routed to other agents: only they may claim it.');
    if (verdict === 'yours') return { record: before, won: false };
    if (verdict === 'claimed-by-other') throw alreadyClaimed(before);
    const at = deps.now();
    const won = notifications.claim(id, actor.id, action, at);
    const after = notifications.find(id)!;
    if (!won) {
      if (after.claimedBy === actor.id) return { record: after, won: false };
      throw alreadyClaimed(after);
    }
    if (after.contactId) {
      deps.timeline.add({
        id: `tl-${randomUUID()}`,
        orgId: after.orgId,
        contactId: after.contactId,
        kind: 'claim',
        at,
        staffId: actor.id,
        summary: `${actor.name} claimed it (${actionWords[action]})`,
        body: null,
        direction: null,
        refId: after.id,
      });
    }
    return { record: after, won: true };
  }

  /** After a won claim: tell everyone else at once. */
  function announceClaim(actor: Actor, record: NotificationRecord) {
    deps.publish.claimed(record, {
      id: record.id,
      claimedBy: { id: actor.id, name: actor.name },
      claimedAt: record.claimedAt!,
      claimAction: record.claimAction!,
    });
  }

  const view = (actor: Actor, n: NotificationRecord): NotificationView => viewsOf(deps, actor, [n])[0]!;

  return {
    visible,
    claimRecord,
    announceClaim,
    view,

    list(actor: Actor): NotificationView[] {
      const oversees = actor.role === 'supervisor' || actor.role === 'admin';
      const records = oversees
        ? notifications.listForOrg(actor.orgId, LIST_LIMIT)
        : notifications.listForAgent(actor.orgId, actor.id, LIST_LIMIT);
      return viewsOf(deps, actor, records);
    },

    get: (actor: Actor, id: string) => view(actor, visible(actor, id)),

    claim(actor: Actor, id: string, body: unknown): NotificationView {
      const { action } = claimRequestSchema.parse(body ?? {});
      const { record, won } = claimRecord(actor, id, action);
      if (won) announceClaim(actor, record);
      return view(actor, record);
    },

    /** The claimer takes it off their follow-ups. */
    done(actor: Actor, id: string): NotificationView {
      const n = visible(actor, id);
      if (!mayAct(actor, n)) throw new AppError('FORBIDDEN', 'Only the agent who claimed it may mark it done.');
      if (n.state !== 'done') notifications.markDone(id, actor.id, deps.now());
      const after = notifications.find(id)!;
      deps.publish.updated(after);
      return view(actor, after);
    },

    read(actor: Actor, id: string): NotificationView {
      const n = visible(actor, id);
      notifications.markRead(id, actor.id, deps.now());
      return view(actor, n);
    },
  };
}
export type NotificationsService = ReturnType<typeof createNotificationsService>;
