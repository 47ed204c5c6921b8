import type { NumberView } from '../../../common/api/numbers';
import type { StaffView } from '../../../common/api/staff';

const agent = (n: number): StaffView => ({
  id: `staff-${n}`,
  name: `Agent ${n}`,
  email: `agent${n}@acme.test`,
  role: 'agent',
  extension: `100${n}`,
});
export const sixAgents: StaffView[] = [1, 2, 3, 4, 5, 6].map(agent);

const basics = {
  type: 'local' as const,
  country: 'GB',
  city: 'London',
  timeZone: 'Europe/London',
  expiresAt: Date.UTC(2030, 11, 31),
  updatedAt: Date.UTC(2025, 5, 1, 9),
  updatedBy: 'Ada Admin',
  updatedById: 'staff-admin',
};

export function companyNumber(): Extract<NumberView, { kind: 'company' }> {
  return {
    ...basics,
    id: 'num-company',
    number: '+442079460000',
    displayName: 'Company line',
    kind: 'company',
    company: {
      source: 'Company line',
      tag: 'company-number',
      defaultRule: { kind: 'user', staffId: 'staff-1', ringTimeoutSeconds: 30 },
      customRules: [
        {
          name: 'Weekdays',
          activeHours: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' },
          route: { kind: 'blast', staffIds: ['staff-1', 'staff-2'], ringTimeoutSeconds: 25 },
        },
      ],
    },
  };
}

export function mainNumber(): Extract<NumberView, { kind: 'main' }> {
  return {
    ...basics,
    id: 'num-main',
    number: '+442079460001',
    displayName: 'Main line',
    kind: 'main',
    main: {
      state: 'active',
      pinIsDefault: false,
      inHours: {
        huntGroup: { staffIds: ['staff-1', 'staff-2'], ringSeconds: 20 },
        then: { kind: 'main-reception', staffId: 'staff-3', greeting: 'Take a message', ringSeconds: 30 },
      },
      outOfHours: { huntGroup: { staffIds: [], ringSeconds: 15 }, then: { kind: 'voicemail' } },
    },
  };
}
