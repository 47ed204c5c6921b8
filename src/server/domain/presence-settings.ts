import { randomUUID } from 'node:crypto';
import {
  awayReasonInputSchema,
  MAX_AWAY_REASONS,
  wrapUpSettingSchema,
  type PresenceSettingsView,
} from '../../common/api/presence-settings';
import { parseInput } from '../../common/domain/zod-error';
import { AppError } from '../../common/errors';
import type { AwayReason } from '../../common/presence';
import type { ReasonWrite } from '../presence/presence-settings-repo';
import { assertAdmin, notFound, recordOrgChange, stampOf, type Actor, type UseCaseDeps } from './actor';

/** The presence service's half: everyone away for a renamed or removed reason shows it as it is now. */
type Deps = UseCaseDeps & { presence: { refreshOrg(orgId: string): void } };

/** Wrap-up seconds and away reasons: every member reads them (agents pick reasons), only admins change them. */
export function getPresenceSettings(deps: UseCaseDeps, actor: Actor): PresenceSettingsView {
  const stored = deps.repos.presenceSettings.settings(actor.orgId);
  return { ...stored, awayReasons: deps.repos.presenceSettings.reasons(actor.orgId) };
}

export function updateWrapUp(deps: Deps, actor: Actor, body: unknown): PresenceSettingsView {
  assertAdmin(actor, 'change the wrap-up time');
  const { wrapUpSeconds } = parseInput(wrapUpSettingSchema, body);
  const before = deps.repos.presenceSettings.wrapUpSeconds(actor.orgId);
  const { stamp } = stampOf(actor, deps.now());
  deps.repos.transaction(() => {
    deps.repos.presenceSettings.setWrapUp(actor.orgId, wrapUpSeconds, stamp);
    recordOrgChange(deps, actor, stamp.at, {
      section: 'wrap-up',
      summary: wrapUpSeconds === 0 ? 'Wrap-up turned off' : `Wrap-up after every call: ${wrapUpSeconds} s`,
      before: { wrapUpSeconds: before },
      after: { wrapUpSeconds },
    });
  });
  return getPresenceSettings(deps, actor);
}

function refused(write: ReasonWrite, name?: string): AppError | undefined {
  if (write === 'duplicate') return new AppError('CONFLICT', `There is already a reason called '${name}'.`, ['name']);
  if (write === 'full')
    return new AppError('INVALID_INPUT', `An organisation can have at most ${MAX_AWAY_REASONS} away reasons.`, [
      'name',
    ]);
  if (write === 'missing') return notFound('away reason');
  return undefined;
}

/** One reason change: the write, its change-log entry and the settings' stamp land together or not at all. */
function changeReason(
  deps: Deps,
  actor: Actor,
  summary: string,
  before: AwayReason | null,
  after: AwayReason | null,
  write: () => ReasonWrite,
  name?: string,
) {
  const { stamp } = stampOf(actor, deps.now());
  deps.repos.transaction(() => {
    const error = refused(write(), name);
    if (error) throw error;
    deps.repos.presenceSettings.touch(actor.orgId, stamp);
    recordOrgChange(deps, actor, stamp.at, { section: 'away-reasons', summary, before, after });
  });
  deps.presence.refreshOrg(actor.orgId);
  return getPresenceSettings(deps, actor);
}

export function addAwayReason(deps: Deps, actor: Actor, body: unknown): PresenceSettingsView {
  assertAdmin(actor, 'change away reasons');
  const { name } = parseInput(awayReasonInputSchema, body);
  const reason = { id: `reason-${randomUUID()}`, name };
  return changeReason(
    deps,
    actor,
    `Away reason added: ${name}`,
    null,
    reason,
    () => deps.repos.presenceSettings.addReason(actor.orgId, reason, deps.now()),
    name,
  );
}

export function renameAwayReason(deps: Deps, actor: Actor, id: string, body: unknown): PresenceSettingsView {
  assertAdmin(actor, 'change away reasons');
  const { name } = parseInput(awayReasonInputSchema, body);
  const before = deps.repos.presenceSettings.findReason(actor.orgId, id);
  if (!before) throw notFound('away reason');
  return changeReason(
    deps,
    actor,
    `Away reason renamed: ${before.name} → ${name}`,
    before,
    { id, name },
    () => deps.repos.presenceSettings.renameReason(actor.orgId, id, name),
    name,
  );
}

/** Agents away for it stay away, without a reason. */
export function removeAwayReason(deps: Deps, actor: Actor, id: string): PresenceSettingsView {
  assertAdmin(actor, 'change away reasons');
  const before = deps.repos.presenceSettings.findReason(actor.orgId, id);
  if (!before) throw notFound('away reason');
  return changeReason(deps, actor, `Away reason removed: ${before.name}`, before, null, () =>
    deps.repos.presenceSettings.removeReason(actor.orgId, id),
  );
}
