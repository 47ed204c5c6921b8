import { claimVerdict, mayAct, maySee, type NotificationFacts, type Viewer } from './notification-access';

const alice: Viewer = { id: 'alice', orgId: 'acme', role: 'agent' };
const bob: Viewer = { id: 'bob', orgId: 'acme', role: 'agent' };
const dave: Viewer = { id: 'dave', orgId: 'acme', role: 'agent' };
const sup: Viewer = { id: 'sup', orgId: 'acme', role: 'supervisor' };
const admin: Viewer = { id: 'admin', orgId: 'acme', role: 'admin' };
const outsider: Viewer = { id: 'eve', orgId: 'globex', role: 'admin' };

const open: NotificationFacts = { orgId: 'acme', state: 'unclaimed', audienceIds: ['alice', 'bob'], claimedBy: null };
const bobs: NotificationFacts = { ...open, state: 'claimed', claimedBy: 'bob' };
const done: NotificationFacts = { ...bobs, state: 'done' };
const answered: NotificationFacts = { orgId: 'acme', state: 'claimed', audienceIds: ['alice'], claimedBy: 'alice' };

test.each([
  ['an agent of the rule sees it while unclaimed', alice, open, true, 'claimable', false],
  ['an agent not on the rule does not see it', dave, open, false, 'not-in-rule', false],
  ['the claimer sees what they claimed', bob, bobs, true, 'yours', true],
  [
    'another agent of the rule no longer sees it once claimed, and loses the claim',
    alice,
    bobs,
    false,
    'claimed-by-other',
    false,
  ],
  ['an agent off the rule cannot find a claimed one', dave, bobs, false, 'not-found', false],
  ['the claimer keeps seeing it when done', bob, done, true, 'yours', true],
  ['a supervisor sees every one with its state', sup, bobs, true, 'not-in-rule', false],
  ['a supervisor not on the rule sees but may not claim an open one', sup, open, true, 'not-in-rule', false],
  ['an admin sees every one', admin, open, true, 'not-in-rule', false],
  ['another organisation sees nothing, not even as admin', outsider, open, false, 'not-found', false],
  ['an answered unknown call is the answerer’s only', alice, answered, true, 'yours', true],
  ['nobody else of the organisation sees an answered unknown call', bob, answered, false, 'not-found', false],
  ['a supervisor sees an answered unknown call', sup, answered, true, 'not-in-rule', false],
] as const)('%s', (_why, viewer, n, sees, verdict, acts) => {
  expect(maySee(viewer, n)).toBe(sees);
  expect(claimVerdict(viewer, n)).toBe(verdict);
  expect(mayAct(viewer, n)).toBe(acts);
});

test('a supervisor on the rule claims like any agent of it', () => {
  expect(claimVerdict(sup, { ...open, audienceIds: ['sup', 'alice'] })).toBe('claimable');
});
