import type { NotificationClaimed, NotificationView } from '../../src/common/notifications';
import { seedOrganisation } from '../../src/server/seed/seed';
import { nextEvent, startSeededCompanion, type Harness } from '../support/companion-harness';
import {
  blastAliceBobCarol,
  collect,
  COMPANY,
  hooksOf,
  person,
  STAFF_IDS,
  type Person,
} from '../support/unknown-callers';

/** Missed unknown callers of the company number, the claim race, contacts from calls: the real companion and database. */
const SECRET = 'unknown-callers-secret-0123456789';
let h: Harness;
let hooks: ReturnType<typeof hooksOf>;
let alice: Person, bob: Person, carol: Person, dave: Person, sup: Person, admin: Person, outsider: Person;
let callSeq = 0;

beforeAll(async () => {
  h = await startSeededCompanion({ SIP_AUTH_SECRET: SECRET });
  hooks = hooksOf(h, SECRET);
  await seedOrganisation(h.repos, {
    org: { id: 'org-globex', name: 'Globex' },
    password: 'globex-password',
    staff: [{ id: 'gx-admin', name: 'Gina Globex', email: 'gina@globex.test', role: 'admin', extension: '2000' }],
    numbers: [],
    itemTypes: [],
    contacts: [],
  });
  [alice, bob, carol, dave, sup, admin] = (await Promise.all(
    ['alice', 'bob', 'carol', 'dave', 'supervisor', 'admin'].map((n) => person(h, `${n}@acme.test`)),
  )) as [Person, Person, Person, Person, Person, Person];
  outsider = await person(h, 'gina@globex.test', 'globex-password');
  await blastAliceBobCarol(admin.api);
});
afterAll(async () => {
  for (const p of [alice, bob, carol, dave, sup, admin, outsider]) p?.feed.disconnect();
  await h.stop();
});

/** An unknown caller rings the company number while nobody is available: the call is missed at once. */
async function missedCall(from: string): Promise<{ callId: string; n: NotificationView }> {
  const callId = `missed-${++callSeq}@test`;
  const pushed = nextEvent<NotificationView>(alice.feed, 'notification:created', (n) => n.caller === from);
  const answer = await hooks.route({ callId, from, to: COMPANY.number, attempt: 0 });
  expect(answer.body).toEqual({ action: 'reject', code: 480, reason: 'Temporarily Unavailable' });
  return { callId, n: await pushed };
}

const ids = (list: NotificationView[]) => list.map((n) => n.id);

test('a missed unknown call makes exactly one unclaimed notification, pushed to the rule’s agents and supervisors only', async () => {
  const daveSaw = collect<NotificationView>(dave.feed, 'notification:created');
  const outsiderSaw = collect<NotificationView>(outsider.feed, 'notification:created');
  const supPushed = nextEvent<NotificationView>(sup.feed, 'notification:created', (n) => n.caller === '+447911123901');
  const bobPushed = nextEvent<NotificationView>(bob.feed, 'notification:created', (n) => n.caller === '+447911123901');
  const { callId, n } = await missedCall('+447911123901');
  expect(n).toMatchObject({
    kind: 'missed-call',
    state: 'unclaimed',
    caller: '+447911123901',
    number: { id: COMPANY.id, number: COMPANY.number, displayName: 'Acme company number' },
    source: 'Company line',
    tag: 'company-number',
    ringAttempts: 0,
    claimedBy: null,
    read: false,
  });
  expect(n.audience.map((a) => a.name).sort()).toEqual(['Alice Agent', 'Bob Agent', 'Carol Agent']);
  expect((await bobPushed).id).toBe(n.id);
  expect((await supPushed).id).toBe(n.id);

  // Kamailio asking again for the same call changes nothing: still one notification.
  await hooks.route({ callId, from: '+447911123901', to: COMPANY.number, attempt: 1, lastCode: 480 });
  for (const p of [alice, bob, carol, sup]) {
    const list = (await p.api.get('/api/notifications')).body as NotificationView[];
    expect(list.filter((x) => x.caller === '+447911123901')).toHaveLength(1);
  }
  expect(ids((await dave.api.get('/api/notifications')).body)).not.toContain(n.id);
  expect(daveSaw.map((x) => x.id)).not.toContain(n.id);
  expect(ids((await outsider.api.get('/api/notifications')).body)).toEqual([]);
  expect(outsiderSaw).toEqual([]);
});

test('two agents claim at once: exactly one wins, the other is told who, and it vanishes for the third', async () => {
  const { n } = await missedCall('+447911123902');
  const carolSees = nextEvent<NotificationClaimed>(carol.feed, 'notification:claimed', (c) => c.id === n.id);
  const [a, b] = await Promise.all([
    alice.api.post(`/api/notifications/${n.id}/claim`),
    bob.api.post(`/api/notifications/${n.id}/claim`),
  ]);
  const statuses = [a.status, b.status].sort();
  expect(statuses).toEqual([200, 409]);
  const [winner, loser] = a.status === 200 ? [a, b] : [b, a];
  const winnerName = winner.body.claimedBy.name as string;
  expect(['Alice Agent', 'Bob Agent']).toContain(winnerName);
  expect(loser.body.error).toEqual({ code: 'ALREADY_CLAIMED', message: `${winnerName} already claimed this caller.` });
  expect(winner.body).toMatchObject({ state: 'claimed', claimAction: 'claim' });

  const claimed = await carolSees;
  expect(claimed.claimedBy.name).toBe(winnerName);
  expect(ids((await carol.api.get('/api/notifications')).body)).not.toContain(n.id);
  const loserApi = winnerName === 'Alice Agent' ? bob.api : alice.api;
  const winnerApi = winnerName === 'Alice Agent' ? alice.api : bob.api;
  expect(ids((await loserApi.get('/api/notifications')).body)).not.toContain(n.id);
  expect(ids((await winnerApi.get('/api/notifications')).body)).toContain(n.id);

  // Claiming again is idempotent for the winner, 409 for everyone else of the rule.
  expect((await winnerApi.post(`/api/notifications/${n.id}/claim`)).status).toBe(200);
  expect((await carol.api.post(`/api/notifications/${n.id}/claim`)).body.error.code).toBe('ALREADY_CLAIMED');

  // Supervisors see it with its state and claimant.
  const seen = ((await sup.api.get('/api/notifications')).body as NotificationView[]).find((x) => x.id === n.id)!;
  expect(seen).toMatchObject({ state: 'claimed', claimedBy: { name: winnerName } });

  // The winner marks it done; it stays theirs, done.
  const done = await winnerApi.post(`/api/notifications/${n.id}/done`);
  expect(done.body).toMatchObject({ state: 'done', claimedBy: { name: winnerName } });
  expect((await loserApi.post(`/api/notifications/${n.id}/done`)).status).toBe(409);
});

test('claims outside the rule or the organisation change nothing: 403 and 404', async () => {
  const { n } = await missedCall('+447911123903');
  expect((await dave.api.post(`/api/notifications/${n.id}/claim`)).status).toBe(403);
  expect((await sup.api.post(`/api/notifications/${n.id}/claim`)).status).toBe(403);
  expect((await outsider.api.post(`/api/notifications/${n.id}/claim`)).status).toBe(404);
  expect((await outsider.api.get(`/api/notifications/${n.id}`)).status).toBe(404);
  expect((await outsider.api.post(`/api/notifications/${n.id}/contact`, { name: 'Stolen' })).status).toBe(404);
  expect((await alice.api.post(`/api/notifications/${n.id}/claim`, { action: 'steal' })).body.error).toMatchObject({
    code: 'INVALID_INPUT',
    path: ['action'],
  });
  expect((await alice.api.post('/api/notifications/notif-nope/claim')).status).toBe(404);
  expect(((await alice.api.get(`/api/notifications/${n.id}`)).body as NotificationView).state).toBe('unclaimed');
});

test('create contact: claims, source and tag from the number, the claimer as agent; the next call routes as a known contact', async () => {
  const { n } = await missedCall('+447911123904');
  const bad = await carol.api.post(`/api/notifications/${n.id}/contact`, { name: '' });
  expect(bad.body.error).toMatchObject({ code: 'INVALID_INPUT', path: ['name'] });
  expect(((await carol.api.get(`/api/notifications/${n.id}`)).body as NotificationView).state).toBe('unclaimed');

  const aliceSees = nextEvent<NotificationClaimed>(alice.feed, 'notification:claimed', (c) => c.id === n.id);
  const made = await carol.api.post(`/api/notifications/${n.id}/contact`, { name: 'Rita New', tags: ['vip'] });
  expect(made.status).toBe(201);
  expect(made.body.contact).toMatchObject({
    name: 'Rita New',
    primaryPhone: '+447911123904',
    primaryAgentId: STAFF_IDS.carol,
    source: 'Company line',
    tags: ['vip', 'company-number'],
  });
  expect(made.body.notification).toMatchObject({
    state: 'claimed',
    claimAction: 'create-contact',
    contact: { name: 'Rita New' },
  });
  expect((await aliceSees).claimedBy.name).toBe('Carol Agent');
  // Losing agents cannot make a second contact from it.
  expect((await alice.api.post(`/api/notifications/${n.id}/contact`, { name: 'Rita Twice' })).body.error.code).toBe(
    'ALREADY_CLAIMED',
  );
  expect((await admin.api.get('/api/contacts?phone=%2B447911123904')).body).toHaveLength(1);

  const again = `again-${++callSeq}@test`;
  await hooks.route({ callId: again, from: '+447911123904', to: COMPANY.number, attempt: 0 });
  const history = (await sup.api.get('/api/calls')).body as {
    id: string;
    summary: string;
    caller: { name: string | null };
  }[];
  const call = history.find((c) => c.id === again)!;
  expect(call.summary).toContain('Known contact, rings primary agent Carol Agent');
  expect(call.caller.name).toBe('Rita New');
  // No second notification for a known contact's missed call; the contact's timeline has both calls and the claim.
  expect(
    ((await carol.api.get('/api/notifications')).body as NotificationView[]).filter(
      (x) => x.caller === '+447911123904',
    ),
  ).toHaveLength(1);
  const timeline = (await carol.api.get(`/api/contacts/${made.body.contact.id}/timeline`)).body as {
    kind: string;
    summary: string;
  }[];
  expect(timeline.map((e) => e.kind)).toEqual(['call', 'claim', 'call']);
  expect(timeline[0]!.summary).toBe('Missed call to Acme company number');
  expect(timeline[1]!.summary).toBe('Carol Agent created the contact from a call');
});

test('a caller ID that is not a phone number cannot become a contact: the error names the caller, nothing is claimed', async () => {
  const { n } = await missedCall('+447700900106');
  const res = await carol.api.post(`/api/notifications/${n.id}/contact`, { name: 'Drama Caller' });
  expect(res.body.error).toMatchObject({ code: 'INVALID_INPUT', path: ['caller'] });
  expect(((await carol.api.get(`/api/notifications/${n.id}`)).body as NotificationView).state).toBe('unclaimed');
});

test('associate: the caller’s number joins the contact, the number’s source becomes a tag plus the tag, the source stays', async () => {
  const { n } = await missedCall('+447911123905');
  const found = (await bob.api.get('/api/contact-search?q=priya')).body as { id: string }[];
  expect(found.map((c) => c.id)).toEqual(['contact-priya']);
  expect(
    (await bob.api.post(`/api/notifications/${n.id}/associate`, { contactId: 'gx-nope' })).body.error,
  ).toMatchObject({ code: 'INVALID_INPUT', path: ['contactId'] });
  const res = await bob.api.post(`/api/notifications/${n.id}/associate`, { contactId: 'contact-priya' });
  expect(res.status).toBe(200);
  expect(res.body.contact.source).toBe('Website');
  expect(res.body.contact.tags).toEqual(['buyer', 'mortgage-ready', 'Company line', 'company-number']);
  expect(res.body.contact.additionalPhones.map((p: { number: string }) => p.number)).toContain('+447911123905');
  // Priya keeps her agent (Alice): the caller's next call rings Alice as Priya.
  const again = `assoc-${++callSeq}@test`;
  await hooks.route({ callId: again, from: '+447911123905', to: COMPANY.number, attempt: 0 });
  const call = ((await sup.api.get('/api/calls')).body as { id: string; summary: string }[]).find(
    (c) => c.id === again,
  )!;
  expect(call.summary).toContain('Known contact, rings primary agent Alice Agent');
});

test('notes go on the contact timeline; another organisation cannot read or write it', async () => {
  const note = await alice.api.post('/api/contacts/contact-priya/notes', { body: 'Prefers mornings ☀️' });
  expect(note.status).toBe(201);
  expect(note.body).toMatchObject({ kind: 'note', body: 'Prefers mornings ☀️', staff: { name: 'Alice Agent' } });
  expect((await alice.api.post('/api/contacts/contact-priya/notes', { body: '   ' })).body.error).toMatchObject({
    code: 'INVALID_INPUT',
    path: ['body'],
  });
  expect((await outsider.api.get('/api/contacts/contact-priya/timeline')).status).toBe(404);
  expect((await outsider.api.post('/api/contacts/contact-priya/notes', { body: 'x' })).status).toBe(404);
});

test('duplicate numbers: one agent on every contact → the call is on every timeline; different agents → only on the newest contact', async () => {
  const timeline = async (id: string) =>
    (await sup.api.get(`/api/contacts/${id}/timeline`)).body as { kind: string; summary: string }[];
  const before = {
    tom: (await timeline('contact-tom')).length,
    office: (await timeline('contact-tom-office')).length,
    lena: (await timeline('contact-lena')).length,
    ortiz: (await timeline('contact-ortiz')).length,
  };

  await hooks.route({ callId: `dup-same-${++callSeq}@test`, from: '+447911123457', to: COMPANY.number, attempt: 0 });
  const tom = await timeline('contact-tom');
  const office = await timeline('contact-tom-office');
  expect(tom).toHaveLength(before.tom + 1);
  expect(office).toHaveLength(before.office + 1);
  expect(tom[0]).toMatchObject({ kind: 'call', summary: 'Missed call to Acme company number' });

  await hooks.route({ callId: `dup-split-${++callSeq}@test`, from: '+447911123458', to: COMPANY.number, attempt: 0 });
  expect(await timeline('contact-ortiz')).toHaveLength(before.ortiz + 1);
  expect(await timeline('contact-lena')).toHaveLength(before.lena);
  // Known callers make no unclaimed notification.
  expect(
    ((await sup.api.get('/api/notifications')).body as NotificationView[]).filter((n) =>
      ['+447911123457', '+447911123458'].includes(n.caller),
    ),
  ).toEqual([]);
});
