import { formatPhone } from '../../../common/domain/phone-number';
import type { StaffView } from '../../../common/api/staff';
import type { DialPattern, Destination } from '../../../common/domain/destination';
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

/** One line per destination: "Alice Agent", "Group of 2, round robin", "+44 20 7946 0123 ext. 204". */
export function describeDestination(destination: Destination, nameOf: StaffNames): string {
  switch (destination.kind) {
    case 'staff':
      return nameOf(destination.staffId);
    case 'external':
      return `${formatPhone(destination.number)}${destination.dialExtension ? ` ext. ${destination.dialExtension}` : ''}`;
    case 'group':
      return `${destination.staffIds.map(nameOf).join(', ')} (${destination.pattern})`;
    case 'voicemail':
      return 'Voicemail';
  }
}
