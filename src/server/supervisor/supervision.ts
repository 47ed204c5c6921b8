import {
  supervisorSetPresenceSchema,
  type BoardNumber,
  type BoardSnapshot,
  type Timeline,
  type TimelineEntry,
} from '../../common/api/board';
import { localDay, localDayAt } from '../../common/domain/local-day';
import { mayActOn, watchesBoard } from '../../common/domain/supervision';
import { parseInput } from '../../common/domain/zod-error';
import { AppError } from '../../common/errors';
import type { Presence } from '../../common/presence';
import type { Revocation } from '../auth/revocation';
import { notFound, type Actor, type UseCaseDeps } from '../domain/actor';
import { companyStaffRefs, mainStaffRefs, routingStaffRefs } from '../domain/staff-refs';
import type { PresenceHistoryRepo } from '../presence/presence-history-repo';
import type { PresenceService } from '../presence/presence-service';
import type { StoredNumber } from '../storage/number-repo';
import type { StaffRecord } from '../storage/staff-repo';
import type { BoardActivityQuery } from './board-activity';

export type SupervisionDeps = UseCaseDeps & {
  presence: PresenceService;
  revocation: Revocation;
  history: PresenceHistoryRepo;
  activity: BoardActivityQuery;
  /** Orders activity updates: every call answers a higher number than the one before. */
  rev: () => number;
};

function assertWatches(actor: Actor): void {
  if (!watchesBoard(actor.role)) throw new AppError('FORBIDDEN', 'Only supervisors or admins may see the board.');
}

/** The organisation's time zone (its business hours'): "today" on the board is today there. */
export const orgTimeZone = (deps: UseCaseDeps, orgId: string) =>
  deps.repos.orgSettings.businessHours(orgId).businessHours.timeZone;

/** The staff a number can ring (its routing's destinations, not who may present it as caller ID). */
function ringsStaff(n: StoredNumber): string[] {
  const refs =
    n.kind === 'standard'
      ? routingStaffRefs(n.routing).filter((r) => r.path[0] === 'rule')
      : n.kind === 'company'
        ? companyStaffRefs(n.company)
        : mainStaffRefs(n.main);
  return [...new Set(refs.map((r) => r.staffId))];
}

export function boardSnapshot(deps: SupervisionDeps, actor: Actor): BoardSnapshot {
  assertWatches(actor);
  const day = localDayAt(deps.now(), orgTimeZone(deps, actor.orgId));
  const staff = deps.repos.staff.listByOrg(actor.orgId);
  const staffIds = staff.map((s) => s.id);
  const activity = deps.activity({ orgId: actor.orgId, staffIds, start: day.start, end: day.end, rev: deps.rev() });
  const numbers: BoardNumber[] = deps.repos.numbers
    .list(actor.orgId)
    .map((n) => ({ id: n.id, number: n.number, displayName: n.displayName || n.number, staffIds: ringsStaff(n) }));
  const roles = Object.fromEntries(staff.map((s) => [s.id, s.role]));
  return { activity, numbers, roles, dayStart: day.start, dayEnd: day.end };
}

/** One agent's day as stretches of states, clipped to the day; another organisation's agent is not found. */
export function agentTimeline(deps: SupervisionDeps, actor: Actor, staffId: string, dayText?: unknown): Timeline {
  assertWatches(actor);
  const target = deps.repos.staff.findInOrg(actor.orgId, staffId);
  if (!target) throw notFound('staff member in your organisation');
  const zone = orgTimeZone(deps, actor.orgId);
  const now = deps.now();
  const day =
    dayText === undefined ? localDayAt(now, zone) : typeof dayText === 'string' ? localDay(dayText, zone) : undefined;
  if (!day) throw new AppError('INVALID_INPUT', 'day: give a date as YYYY-MM-DD', ['day']);
  const entries: TimelineEntry[] = deps.history.between(staffId, day.start, Math.min(day.end, now + 1)).map((s) => ({
    ...s,
    from: Math.max(s.from, day.start),
    to: s.to === null ? (day.end <= now ? day.end : null) : Math.min(s.to, day.end),
  }));
  return { staffId, name: target.name, day: day.day, timeZone: zone, dayStart: day.start, dayEnd: day.end, entries };
}

/** The target of a supervisor's action: 403 for agents, 404 for anyone not of the organisation. */
function targetOf(deps: SupervisionDeps, actor: Actor, staffId: string, what: string): StaffRecord {
  assertWatches(actor);
  const target = deps.repos.staff.findInOrg(actor.orgId, staffId);
  if (!target) throw notFound('staff member in your organisation');
  const verdict = mayActOn(actor, target);
  if (verdict === 'not-below') {
    throw new AppError('FORBIDDEN', `You may ${what} only staff with a role below yours (supervisors: agents).`);
  }
  if (verdict !== 'yes') throw notFound('staff member in your organisation');
  return target;
}

const by = (actor: Actor) => ({ id: actor.id, name: actor.name });

/** A supervisor sets an agent Away (with a reason of the organisation) or Available; recorded with who did it. */
export function setAgentPresence(deps: SupervisionDeps, actor: Actor, staffId: string, body: unknown): Presence {
  const { state, reasonId } = parseInput(supervisorSetPresenceSchema, body);
  const target = targetOf(deps, actor, staffId, 'set the presence of');
  deps.repos.transaction(() => {
    // The reason is checked by the same write that sets it (refused and nothing recorded if not the organisation's).
    deps.presence.setManual(target.id, state, reasonId, by(actor));
    const reason = deps.repos.staff.findById(target.id)?.awayReason?.name;
    deps.repos.changes.record({
      orgId: actor.orgId,
      entity: 'staff',
      entityId: target.id,
      section: 'presence',
      summary: `${actor.name} set ${target.name} ${state === 'away' ? `Away${reason ? ` (${reason})` : ''}` : 'Available'}`,
      before: { state: target.manualPresence, reason: target.awayReason?.name ?? null },
      after: { state, reason: reason ?? null },
      by: by(actor),
      at: deps.now(),
    });
  });
  return deps.presence.get(target.id) ?? deps.presence.listOrg(actor.orgId).find((p) => p.staffId === target.id)!;
}

/**
 * A supervisor signs an agent out: every session of theirs ends, their feed closes (so their tabs go offline at
 * once), and their SIP credentials are revoked so Kamailio drops the registration: the phone is not routable.
 */
export async function signOutAgent(deps: SupervisionDeps, actor: Actor, staffId: string): Promise<void> {
  const target = targetOf(deps, actor, staffId, 'sign out');
  deps.repos.changes.record({
    orgId: actor.orgId,
    entity: 'staff',
    entityId: target.id,
    section: 'presence',
    summary: `${actor.name} signed ${target.name} out`,
    before: null,
    after: null,
    by: by(actor),
    at: deps.now(),
  });
  await deps.presence.actingOn(target.id, by(actor), () => deps.revocation.revokePerson(target.id, [target.extension]));
}
