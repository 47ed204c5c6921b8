import type { CallHistoryItem } from '../../common/calls';
import { describeOutcome } from './call-outcome';

const bob = { id: 'bob', name: 'Bob Agent' };
const alice = { id: 'alice', name: 'Alice Agent' };
const rang = (who: { id: string; name: string }, step: number, declined = false) => ({
  staffId: who.id,
  name: who.name,
  step,
  reason: 'destination of the number',
  at: 0,
  declined,
});

const inbound = (patch: Partial<CallHistoryItem>): CallHistoryItem => ({
  id: 'c1',
  direction: 'inbound',
  outbound: null,
  internal: null,
  number: { id: 'n1', number: '+442079460000', displayName: 'Sales line' },
  caller: { number: '+447700900123', name: null },
  state: 'ended',
  summary: 'Rings Bob Agent',
  outcomeReason: null,
  answeredBy: null,
  rang: [],
  startedAt: 0,
  answeredAt: null,
  endedAt: null,
  durationSeconds: null,
  ...patch,
});
const internal = (patch: Partial<CallHistoryItem>) =>
  inbound({
    direction: 'internal',
    internal: { callerId: 'alice', calleeId: 'bob' },
    caller: { number: '1001', name: 'Alice Agent' },
    number: { id: '', number: '1002', displayName: 'Bob Agent' },
    ...patch,
  });
const outbound = (patch: Partial<CallHistoryItem>) =>
  inbound({ direction: 'outbound', outbound: { agent: bob, engagement: false, contactId: null }, ...patch });

test.each([
  [
    'answered, the agent hung up: for the agent',
    inbound({ answeredBy: bob, outcomeReason: 'Agent hung up', rang: [rang(bob, 0)] }),
    'bob',
    'Answered',
    'Answered by you · You hung up',
  ],
  [
    'answered, the agent hung up: for a supervisor',
    inbound({ answeredBy: bob, outcomeReason: 'Agent hung up', rang: [rang(bob, 0)] }),
    'sup',
    'Answered',
    'Answered by Bob Agent · Bob Agent hung up',
  ],
  [
    'answered, the caller hung up',
    inbound({ answeredBy: bob, outcomeReason: 'Caller hung up' }),
    'bob',
    'Answered',
    'Answered by you · The caller hung up',
  ],
  [
    'declined by the agent reading it',
    inbound({ state: 'missed', outcomeReason: 'Declined by Bob Agent', rang: [rang(bob, 0, true)] }),
    'bob',
    'Declined',
    'You declined',
  ],
  [
    'declined, read by a supervisor',
    inbound({ state: 'missed', outcomeReason: 'Declined by Bob Agent', rang: [rang(alice, 0), rang(bob, 1, true)] }),
    'sup',
    'Declined',
    'Declined by Bob Agent',
  ],
  [
    'declined, then nobody answered the next ring',
    inbound({ state: 'missed', outcomeReason: 'Nobody answered', rang: [rang(bob, 0, true), rang(alice, 1)] }),
    'bob',
    'Missed',
    'Nobody answered',
  ],
  [
    'nobody answered',
    inbound({ state: 'missed', outcomeReason: 'Nobody answered', rang: [rang(bob, 0)] }),
    'bob',
    'Missed',
    'Nobody answered',
  ],
  [
    'refused: all lines busy',
    inbound({ state: 'refused', outcomeReason: 'All lines busy' }),
    'bob',
    'Refused',
    'All lines busy',
  ],
  ['still ringing', inbound({ state: 'ringing' }), 'bob', 'Ringing', 'Rings Bob Agent'],
  ['outbound, I hung up', outbound({ outcomeReason: 'Agent hung up' }), 'bob', 'Answered', 'You hung up'],
  [
    'outbound, the customer hung up',
    outbound({ outcomeReason: 'Customer hung up' }),
    'bob',
    'Answered',
    'They hung up',
  ],
  ['outbound, busy', outbound({ state: 'missed', outcomeReason: 'Busy' }), 'bob', 'Not answered', 'Busy'],
  [
    'internal, the callee hung up: for the callee',
    internal({ outcomeReason: 'Callee hung up' }),
    'bob',
    'Answered',
    'You hung up',
  ],
  [
    'internal, the callee hung up: for the caller',
    internal({ outcomeReason: 'Callee hung up' }),
    'alice',
    'Answered',
    'Bob Agent hung up',
  ],
  [
    'internal, declined: for the caller',
    internal({ state: 'missed', outcomeReason: 'Declined' }),
    'alice',
    'Declined',
    'Bob Agent declined',
  ],
  [
    'internal, declined: for the callee',
    internal({ state: 'missed', outcomeReason: 'Declined' }),
    'bob',
    'Declined',
    'You declined',
  ],
  [
    'internal, not answered: for the callee',
    internal({ state: 'missed', outcomeReason: 'No answer' }),
    'bob',
    'Missed',
    'No answer',
  ],
  [
    'internal, nobody has the extension',
    internal({
      state: 'refused',
      outcomeReason: 'No such extension',
      internal: { callerId: 'alice', calleeId: null },
      number: { id: '', number: '1099', displayName: 'extension 1099' },
    }),
    'alice',
    'Not connected',
    'There is no extension 1099',
  ],
  [
    'internal, signed out',
    internal({ state: 'refused', outcomeReason: 'Not signed in' }),
    'alice',
    'Not connected',
    'Bob Agent is not signed in',
  ],
])('%s', (_case, item, meId, label, detail) => {
  expect(describeOutcome(item, meId)).toMatchObject({ label, detail });
});
