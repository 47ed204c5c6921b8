/** Short builders for number settings as an admin would send them (loosely typed: tests also send bad ones). */
export const staff = (staffId: string) => ({ kind: 'staff', staffId });
export const dest = (destination: unknown, extra: Record<string, unknown> = {}) => ({ destination, ...extra });
export const alternative = (...destinations: unknown[]) => ({
  rule: { kind: 'alternative', destinations: destinations.map((d) => dest(d)) },
});
export const voicemailOn = { enabled: true, greeting: null, autoDelete: 'weekly' };
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'];
export const companyBase = { source: 'Web', tag: 'web', defaultRule: { kind: 'user', staffId: 'staff-alice' } };
export const rule = (name: string, days: string[], start: string, end: string) => ({
  name,
  activeHours: { days, start, end },
  route: { kind: 'user', staffId: 'staff-bob' },
});
/** A main-number branch: Alice's hunt group, then the call ends. */
export const branch = { huntGroup: { staffIds: ['staff-alice'] }, then: { kind: 'end' } };
