import type { Role } from '../../common/auth';

/** The demo organisation a new user signs in to. Every account's password is DEMO_PASSWORD. */
export const DEMO_PASSWORD = 'switchboard';

export const demoOrg = { id: 'org-demo', name: 'Acme Sales' };

export const demoStaff: { id: string; name: string; email: string; role: Role; extension: string | null }[] = [
  { id: 'staff-admin', name: 'Ada Admin', email: 'admin@acme.test', role: 'admin', extension: '1000' },
  { id: 'staff-super', name: 'Sam Supervisor', email: 'supervisor@acme.test', role: 'supervisor', extension: '1009' },
  { id: 'staff-alice', name: 'Alice Agent', email: 'alice@acme.test', role: 'agent', extension: '1001' },
  { id: 'staff-bob', name: 'Bob Agent', email: 'bob@acme.test', role: 'agent', extension: '1002' },
  { id: 'staff-carol', name: 'Carol Agent', email: 'carol@acme.test', role: 'agent', extension: '1003' },
  { id: 'staff-dave', name: 'Dave Agent', email: 'dave@acme.test', role: 'agent', extension: '1004' },
];

/** Twenty seconds to note a call before the next rings; the reasons agents give for being away. */
export const demoPresence = { wrapUpSeconds: 20, awayReasons: ['Lunch', 'Training', 'Meeting', 'Break'] };
