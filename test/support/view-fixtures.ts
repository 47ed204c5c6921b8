import type { Me } from '../../src/common/auth';
import type { NotificationView } from '../../src/common/notifications';

/** Alice, an agent of the demo organisation with extension 1001, as /api/me describes her. */
export const aliceMe: Me = {
  id: 'alice',
  orgId: 'o-1',
  orgName: 'Acme',
  name: 'Alice Agent',
  email: 'alice@acme.test',
  role: 'agent',
  extension: '1001',
  country: 'GB',
};

export const person = (id: string, name: string) => ({ id, name });

/** An unclaimed missed call from an unknown number to the company number, offered to Alice and Bob. */
export const unknownCaller = (patch: Partial<NotificationView> = {}): NotificationView => ({
  id: 'n1',
  kind: 'missed-call',
  state: 'unclaimed',
  caller: '+447911123999',
  number: { id: 'num-company', number: '+442079460000', displayName: 'Acme company number' },
  source: 'Company line',
  tag: 'company-number',
  ringAttempts: 2,
  audience: [person('alice', 'Alice Agent'), person('bob', 'Bob Agent')],
  claimedBy: null,
  claimedAt: null,
  claimAction: null,
  doneAt: null,
  contact: null,
  texts: [],
  read: false,
  createdAt: 1_000,
  updatedAt: 1_000,
  ...patch,
});
