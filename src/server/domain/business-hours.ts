import type { BusinessHoursView } from '../../common/api/org';
import { businessHoursSchema } from '../../common/domain/business-hours';
import { assertAdmin, recordOrgChange, stampOf, type Actor, type UseCaseDeps } from './actor';

export function getBusinessHours(deps: UseCaseDeps, actor: Actor): BusinessHoursView {
  return deps.repos.orgSettings.businessHours(actor.orgId);
}

export function updateBusinessHours(deps: UseCaseDeps, actor: Actor, body: unknown): BusinessHoursView {
  assertAdmin(actor, 'edit business hours');
  const hours = businessHoursSchema.parse(body);
  const before = deps.repos.orgSettings.businessHours(actor.orgId).businessHours;
  const { stamp } = stampOf(actor, deps.now());
  deps.repos.transaction(() => {
    deps.repos.orgSettings.setBusinessHours(actor.orgId, hours, stamp);
    recordOrgChange(deps, actor, stamp.at, {
      section: 'business-hours',
      summary: `Business hours: ${hours.windows.length} range${hours.windows.length === 1 ? '' : 's'} in ${hours.timeZone}`,
      before,
      after: hours,
    });
  });
  return getBusinessHours(deps, actor);
}
