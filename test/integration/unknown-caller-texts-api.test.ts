import type { CallOffered } from '../../src/common/calls';
import type { NotificationView } from '../../src/common/notifications';
import { nextEvent, startSeededCompanion, type Harness } from '../support/companion-harness';
import { blastAliceBobCarol, COMPANY, hooksOf, person, type Person } from '../support/unknown-callers';
import { routableAgent } from '../support/registration';
import { hookToken } from '../../src/server/auth/hook-token';

/** Texts to and from the company number, and answered unknown calls: the real companion and database. */
const SECRET = 'unknown-texts-secret-0123456789ab';
let h: Harness;
let hooks: ReturnType<typeof hooksOf>;
let alice: Person, bob: Person, carol: Person, admin: Person;
let seq = 0;
const id = () => `msg-${++seq}@test`;

beforeAll(async () => {
  h = await startSeededCompanion({ SIP_AUTH_SECRET: SECRET, PSTN_GATEWAY: '127.0.0.1:5080' });
  hooks = hooksOf(h, SECRET);
  [alice, bob, carol, admin] = (await Promise.all(
    ['alice', 'bob', 'carol', 'admin'].map((n) => person(h, `${n}@acme.test`)),
  )) as [Person, Person, Person, Person];
  await blastAliceBobCarol(admin.api);
});
afterAll(async () => {
  for (const p of [alice, bob, carol, admin]) p?.feed.disconnect();
  await h.stop();
});

const list = async (p: Person) => (await p.api.get('/api/notifications')).body as NotificationView[];

test('a text from an unknown number: one unclaimed text notification for the rule’s agents; later texts join it; body stored exactly', async () => {
  const body = 'Hi! Is the flat on Elm St still free? 🏠\r\nVia: evil\r\nX-Caller-ID: +442071234567';
  const pushed = nextEvent<NotificationView>(bob.feed, 'notification:created', (n) => n.caller === '+447911124001');
  expect((await hooks.text('in', { from: '+447911124001', to: COMPANY.number, callId: id() }, body)).body).toEqual({
    action: 'accept',
  });
  const n = await pushed;
  expect(n).toMatchObject({ kind: 'text', state: 'unclaimed', source: 'Company line', tag: 'company-number' });
  expect(n.texts.map((t) => t.body)).toEqual([body]);

  const updated = nextEvent<{ id: string }>(carol.feed, 'notification:updated', (u) => u.id === n.id);
  await hooks.text('in', { from: '447911124001', to: COMPANY.number.slice(1), callId: id() }, 'second');
  await updated;
  // A retransmission (same Call-ID and CSeq) is stored once.
  const again = id();
  await hooks.text('in', { from: '+447911124001', to: COMPANY.number, callId: again }, 'third');
  await hooks.text('in', { from: '+447911124001', to: COMPANY.number, callId: again }, 'third');
  const mine = (await list(alice)).filter((x) => x.caller === '+447911124001');
  expect(mine).toHaveLength(1);
  expect(mine[0]!.texts.map((t) => t.body)).toEqual([body, 'second', 'third']);
});

test('bad texts are refused and nothing is stored: invalid UTF-8, too long, empty, control characters, not a company number', async () => {
  const from = '+447911124002';
  expect(
    (await hooks.text('in', { from, to: COMPANY.number, callId: id() }, new Uint8Array([0x48, 0xc3, 0x28]))).body,
  ).toMatchObject({ action: 'reject', code: 400 });
  expect((await hooks.text('in', { from, to: COMPANY.number, callId: id() }, 'x'.repeat(1601))).body).toMatchObject({
    action: 'reject',
    code: 400,
  });
  expect((await hooks.text('in', { from, to: COMPANY.number, callId: id() }, '')).body).toMatchObject({
    action: 'reject',
    code: 400,
  });
  expect((await hooks.text('in', { from, to: COMPANY.number, callId: id() }, 'bell\u0007')).body).toMatchObject({
    action: 'reject',
    code: 400,
  });
  expect((await hooks.text('in', { from, to: '+442071234567', callId: id() }, 'to the sales line')).body).toMatchObject(
    { action: 'reject', code: 404 },
  );
  expect((await hooks.text('in', { from, to: COMPANY.number, callId: id() }, 'x'.repeat(1600))).body).toEqual({
    action: 'accept',
  });
  expect((await list(alice)).filter((x) => x.caller === from).flatMap((x) => x.texts)).toHaveLength(1);
  const forged = await fetch(`${h.hookUrl}/internal/sip/text-in?from=${from}&to=${COMPANY.number}&callId=x`, {
    method: 'POST',
    headers: { 'X-Hook-Token': 'nope' },
    body: 'x',
  });
  expect(forged.status).toBe(403);
  const publicListener = await fetch(`${h.url}/internal/sip/text-in?from=${from}&to=${COMPANY.number}&callId=x`, {
    method: 'POST',
    headers: { 'X-Hook-Token': hookToken(SECRET) },
    body: 'x',
  });
  expect(publicListener.status, 'hooks are not on the public listener').toBe(404);
});

test('text back: claimed first; the companion decides the sender (the company number); an agent without the conversation is refused', async () => {
  const from = '+447911124003';
  const pushed = nextEvent<NotificationView>(alice.feed, 'notification:created', (n) => n.caller === from);
  await hooks.text('in', { from, to: COMPANY.number, callId: id() }, 'call me?');
  const n = await pushed;
  // Nobody has claimed it: texting back without the claim is refused.
  expect((await hooks.text('out', { from: '1002', to: from, callId: id() }, 'hello')).body).toMatchObject({
    action: 'reject',
    code: 403,
  });
  expect((await bob.api.post(`/api/notifications/${n.id}/claim`, { action: 'text-back' })).status).toBe(200);
  const reply = 'Yes: 10:00 tomorrow? ✅';
  const out = await hooks.text('out', { from: '1002', to: from, callId: id() }, reply);
  expect(out.body).toEqual({ action: 'relay', from: COMPANY.number, target: `sip:${from}@127.0.0.1:5080` });
  // Alice lost the claim: she may not text the caller as the company.
  expect((await hooks.text('out', { from: '1001', to: from, callId: id() }, 'me too')).body).toMatchObject({
    action: 'reject',
    code: 403,
  });
  expect((await hooks.text('out', { from: '9999', to: from, callId: id() }, 'who?')).body).toMatchObject({
    action: 'reject',
    code: 403,
  });
  const conv = (await list(bob)).find((x) => x.id === n.id)!;
  expect(conv.texts.map((t) => [t.direction, t.body, t.staff?.name ?? null])).toEqual([
    ['inbound', 'call me?', null],
    ['outbound', reply, 'Bob Agent'],
  ]);
});

test('a text from a known contact goes to the primary agent, on the contact’s timeline', async () => {
  const pushed = nextEvent<NotificationView>(alice.feed, 'notification:created', (n) => n.caller === '+447911123456');
  await hooks.text('in', { from: '+447911123456', to: COMPANY.number, callId: id() }, 'Priya here');
  const n = await pushed;
  expect(n).toMatchObject({
    state: 'claimed',
    claimedBy: { name: 'Alice Agent' },
    claimAction: 'routed',
    contact: { id: 'contact-priya', name: 'Priya Shah' },
  });
  expect((await list(bob)).map((x) => x.id)).not.toContain(n.id);
  const timeline = (await alice.api.get('/api/contacts/contact-priya/timeline')).body as {
    kind: string;
    body: string | null;
  }[];
  expect(timeline[0]).toMatchObject({ kind: 'text', body: 'Priya here' });
  const out = await hooks.text('out', { from: '1001', to: '+447911123456', callId: id() }, 'Hi Priya');
  expect(out.body).toMatchObject({ action: 'relay', from: COMPANY.number });
  const after = (await alice.api.get('/api/contacts/contact-priya/timeline')).body as {
    kind: string;
    body: string | null;
    direction: string;
  }[];
  expect(after[0]).toMatchObject({ kind: 'text', body: 'Hi Priya', direction: 'outbound' });
});

test('a text to an agent who is offline waits: it is listed when they sign in', async () => {
  carol.feed.disconnect();
  await hooks.text('in', { from: '+447911124004', to: COMPANY.number, callId: id() }, 'anyone there?');
  carol = await person(h, 'carol@acme.test');
  const waiting = (await list(carol)).find((x) => x.caller === '+447911124004');
  expect(waiting?.texts.map((t) => t.body)).toEqual(['anyone there?']);
});

test('an answered unknown call: a record only the answering agent sees', async () => {
  for (const p of [alice, bob])
    await routableAgent(h, p === alice ? 'alice@acme.test' : 'bob@acme.test', { feed: p.feed });
  const callId = `answered-${++seq}@test`;
  const offered = nextEvent<CallOffered>(alice.feed, 'call:offered', (o) => o.sipCallId === callId);
  const ring = await hooks.route({ callId, from: '+447911124005', to: COMPANY.number, attempt: 0 });
  expect(ring.body.action).toBe('ring');
  await offered;
  const created = nextEvent<NotificationView>(alice.feed, 'notification:created', (n) => n.caller === '+447911124005');
  // Kamailio reports that Alice's phone (extension 1001) sent the 200.
  expect((await hooks.event({ callId, event: 'answered', code: 200, ext: '1001' })).status).toBe(200);
  expect(await created).toMatchObject({
    kind: 'answered-call',
    state: 'claimed',
    claimedBy: { name: 'Alice Agent' },
    claimAction: 'answered',
  });
  expect((await list(bob)).filter((x) => x.caller === '+447911124005')).toEqual([]);
  expect((await list(alice)).filter((x) => x.caller === '+447911124005')).toHaveLength(1);
});
