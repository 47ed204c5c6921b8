import type { StaffView } from '../../../common/api/staff';
import type { DialPattern } from '../../../common/domain/destination';
import type { AutoDeletePeriod } from '../../../common/domain/voicemail-settings';

const regions = new Intl.DisplayNames(['en'], { type: 'region' });

export function countryName(code: string): string {
  try {
    return regions.of(code) ?? code;
  } catch {
    return code;
  }
}

export const dialPatternLabels: Record<DialPattern, string> = {
  simultaneous: 'Simultaneous (all at once)',
  'round-robin': 'Round robin (rotate who is first)',
  sequential: 'Sequential (in list order)',
  'least-connected': 'Least connected (fewest calls first)',
};

export const autoDeleteLabels: Record<AutoDeletePeriod, string> = {
  weekly: 'Every week',
  'two-weeks': 'Every two weeks',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
};

export type StaffNames = (id: string) => string;

export function staffNames(staff: readonly StaffView[] | undefined): StaffNames {
  const byId = new Map((staff ?? []).map((s) => [s.id, s.name]));
  return (id) => byId.get(id) ?? id;
}
