import type { CompanyNumberSettings, CompanyRoute } from '../../common/domain/company-number';
import type { MainNumberSettings } from '../../common/domain/main-number';
import { ruleDestinations } from '../../common/domain/routing-rule';
import type { RoutingSettings } from '../../common/domain/routing-settings';
import { AppError } from '../../common/errors';

export type StaffRef = { staffId: string; path: (string | number)[] };

export function routingStaffRefs(routing: RoutingSettings): StaffRef[] {
  const fromRule = ruleDestinations(routing.rule).flatMap(({ destination, path }): StaffRef[] => {
    if (destination.kind === 'staff') return [{ staffId: destination.staffId, path: ['rule', ...path, 'staffId'] }];
    if (destination.kind === 'group')
      return destination.staffIds.map((staffId, i) => ({ staffId, path: ['rule', ...path, 'staffIds', i] }));
    return [];
  });
  const callerIds = routing.callerIds.staffIds.map((staffId, i) => ({ staffId, path: ['callerIds', 'staffIds', i] }));
  return [...fromRule, ...callerIds];
}

function routeRefs(route: CompanyRoute, path: (string | number)[]): StaffRef[] {
  if (route.kind === 'blast') return route.staffIds.map((staffId, i) => ({ staffId, path: [...path, 'staffIds', i] }));
  return route.kind === 'user' ? [{ staffId: route.staffId, path: [...path, 'staffId'] }] : [];
}

export function companyStaffRefs(company: CompanyNumberSettings): StaffRef[] {
  return [
    ...routeRefs(company.defaultRule, ['defaultRule']),
    ...company.customRules.flatMap((rule, i) => routeRefs(rule.route, ['customRules', i, 'route'])),
  ];
}

export function mainStaffRefs(main: Pick<MainNumberSettings, 'inHours' | 'outOfHours'>): StaffRef[] {
  return (['inHours', 'outOfHours'] as const).flatMap((branch): StaffRef[] => {
    const { huntGroup, then } = main[branch];
    const hunt = huntGroup.staffIds.map((staffId, i) => ({ staffId, path: [branch, 'huntGroup', 'staffIds', i] }));
    return then.kind === 'main-reception'
      ? [...hunt, { staffId: then.staffId, path: [branch, 'then', 'staffId'] }]
      : hunt;
  });
}

/** Settings may only name staff of the same organisation: anyone else is a validation error naming the field. */
export function assertStaffInOrg(refs: StaffRef[], orgStaffIds: Set<string>): void {
  const stranger = refs.find((ref) => !orgStaffIds.has(ref.staffId));
  if (stranger) {
    throw new AppError(
      'INVALID_INPUT',
      `${stranger.path.join('.')}: no staff member '${stranger.staffId}' in your organisation`,
      stranger.path,
    );
  }
}
