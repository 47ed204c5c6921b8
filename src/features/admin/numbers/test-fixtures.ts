import type { NumberView } from '../../../common/api/numbers';
import type { StaffView } from '../../../common/api/staff';

export const staffList: StaffView[] = [
  { id: 'staff-alice', name: 'Alice Agent', email: 'alice@acme.test', role: 'agent', extension: '1001' },
  { id: 'staff-bob', name: 'Bob Agent', email: 'bob@acme.test', role: 'agent', extension: '1002' },
  { id: 'staff-carol', name: 'Carol Agent', email: 'carol@acme.test', role: 'agent', extension: '1003' },
];

const staff = (staffId: string) => ({ kind: 'staff' as const, staffId });

/** A standard local number routed to Alice, then Bob, then Carol. */
export function salesNumber(): Extract<NumberView, { kind: 'standard' }> {
  return {
    id: 'num-sales',
    number: '+442071234567',
    displayName: 'Sales line',
    type: 'local',
    kind: 'standard',
    country: 'GB',
    city: 'London',
    timeZone: 'Europe/London',
    expiresAt: Date.UTC(2030, 11, 31),
    updatedAt: Date.UTC(2025, 5, 1, 9),
    updatedBy: 'Ada Admin',
    updatedById: 'staff-admin',
    routing: {
      rule: {
        kind: 'alternative',
        destinations: [
          { destination: staff('staff-alice'), ringTimeoutSeconds: 20 },
          { destination: staff('staff-bob'), ringTimeoutSeconds: 25 },
          { destination: staff('staff-carol'), ringTimeoutSeconds: 30 },
        ],
      },
      voicemail: { enabled: false, greeting: null, autoDelete: 'monthly' },
      noAnswer: { failSafeNumber: null },
      sticky: { enabled: false, bindingDays: 7, fallbackToDestinations: true },
      engagement: { enabled: false, bindingDays: 7, fallbackToDestinations: true },
      callerIds: { destinationStaff: true, staffIds: [], allStaff: false },
    },
  };
}

export function percentageNumber(): Extract<NumberView, { kind: 'standard' }> {
  const n = salesNumber();
  return {
    ...n,
    id: 'num-support',
    type: 'toll-free',
    routing: {
      ...n.routing,
      rule: {
        kind: 'percentage',
        destinations: [
          { destination: staff('staff-alice'), ringTimeoutSeconds: 20, weight: 60 },
          { destination: staff('staff-bob'), ringTimeoutSeconds: 20, weight: 40 },
        ],
      },
    },
  };
}
