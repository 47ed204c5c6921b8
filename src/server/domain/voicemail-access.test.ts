import { describe, expect, test } from 'vitest';
import type { VirtualNumber } from '../../common/domain/virtual-number';
import { mayHearBox, type Listener } from './voicemail-access';

const base = {
  number: '+442071234569',
  displayName: 'Box',
  type: 'local',
  country: 'GB',
  city: '',
  timeZone: 'Europe/London',
  expiresAt: 0,
  updatedAt: 0,
  updatedBy: '',
} as const;
const common = {
  sticky: { enabled: false, bindingDays: 7, fallbackToDestinations: true },
  engagement: { enabled: false, bindingDays: 7, fallbackToDestinations: true },
};
const standard = (rule: unknown): VirtualNumber =>
  ({
    ...base,
    id: 'n1',
    kind: 'standard',
    routing: {
      ...common,
      rule,
      voicemail: { enabled: true, greeting: null, autoDelete: 'weekly' },
      noAnswer: { failSafeNumber: null },
      callerIds: { destinationStaff: true, staffIds: ['caller-id-only'], allStaff: false },
    },
  }) as unknown as VirtualNumber;
const main: VirtualNumber = {
  ...base,
  id: 'm1',
  kind: 'main',
  main: {
    state: 'active',
    inHours: {
      huntGroup: { staffIds: ['ana'], ringSeconds: 20 },
      then: { kind: 'main-reception', staffId: 'reception', greeting: '', ringSeconds: 30 },
    },
    outOfHours: { huntGroup: { staffIds: ['ben'], ringSeconds: 20 }, then: { kind: 'voicemail' } },
  },
} as VirtualNumber;
const company = { ...base, id: 'c1', kind: 'company' } as unknown as VirtualNumber;

const staffRule = standard({
  kind: 'alternative',
  destinations: [{ destination: { kind: 'staff', staffId: 'ana' }, ringTimeoutSeconds: 20 }],
});
const groupRule = standard({
  kind: 'alternative',
  destinations: [
    { destination: { kind: 'group', pattern: 'simultaneous', staffIds: ['ana', 'ben'] }, ringTimeoutSeconds: 20 },
  ],
});
const timeRule = standard({
  kind: 'time',
  windows: [
    {
      name: 'w',
      days: ['mon'],
      start: '09:00',
      end: '10:00',
      destination: { kind: 'staff', staffId: 'ana' },
      ringTimeoutSeconds: 20,
    },
  ],
  fallback: { destination: { kind: 'staff', staffId: 'ben' }, ringTimeoutSeconds: 20 },
});

const who = (id: string, role: Listener['role'] = 'agent', orgId = 'org-a'): Listener => ({ id, orgId, role });

describe('who may hear a voicemail box', () => {
  test.each([
    { rule: 'the destination agent of a standard number', listener: who('ana'), number: staffRule, may: true },
    { rule: 'an agent who is not a destination', listener: who('cy'), number: staffRule, may: false },
    {
      rule: 'an admin who is not a destination of a standard number',
      listener: who('boss', 'admin'),
      number: staffRule,
      may: false,
    },
    {
      rule: 'a supervisor who is not a destination',
      listener: who('sup', 'supervisor'),
      number: staffRule,
      may: false,
    },
    { rule: 'a member of a destination group', listener: who('ben'), number: groupRule, may: true },
    { rule: 'a time window destination', listener: who('ana'), number: timeRule, may: true },
    { rule: 'the time rule fallback destination', listener: who('ben'), number: timeRule, may: true },
    {
      rule: 'staff allowed only as caller ID are not destinations',
      listener: who('caller-id-only'),
      number: staffRule,
      may: false,
    },
    { rule: 'the main number: in-hours hunt group', listener: who('ana'), number: main, may: true },
    { rule: 'the main number: out-of-hours hunt group', listener: who('ben'), number: main, may: true },
    { rule: 'the main number: any admin', listener: who('boss', 'admin'), number: main, may: true },
    { rule: 'the main number: reception is not the hunt group', listener: who('reception'), number: main, may: false },
    { rule: 'the company number has no box', listener: who('boss', 'admin'), number: company, may: false },
    {
      rule: 'another organisation, even its destination id',
      listener: who('ana', 'agent', 'org-b'),
      number: staffRule,
      may: false,
    },
    {
      rule: "another organisation's admin and the main box",
      listener: who('boss', 'admin', 'org-b'),
      number: main,
      may: false,
    },
  ])('$rule: $may', ({ listener, number, may }) => {
    expect(mayHearBox(listener, 'org-a', number)).toBe(may);
  });
});
