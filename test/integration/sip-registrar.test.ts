import type { Presence } from '../../src/common/presence';
import { registeredContacts } from '../../scripts/stack/kamcmd';
import { nextEvent, openFeed, signIn, type TestFeed } from '../support/companion-harness';
import { reportPhone } from '../support/registration';
import { creds, SALES, world, ws, useSecurityWorld } from './sip-support/security-world';

// Registration is Kamailio's word: a REGISTER it saved, an unREGISTER, a closed WebSocket reach the companion
// over the hook; what a page says about its own phone only ever makes it less reachable.
useSecurityWorld();

let supervisor: TestFeed;
const tabs: TestFeed[] = [];
beforeAll(async () => {
  supervisor = openFeed(world.h, { cookie: await signIn(world.h, 'supervisor@acme.test'), origin: world.h.origin });
  await nextEvent(supervisor, 'presence:snapshot');
});
afterAll(() => {
  supervisor.disconnect();
  for (const t of tabs) t.disconnect();
});

const stateOf = (name: string, match: (p: Presence) => boolean) =>
  nextEvent<Presence>(supervisor, 'presence:changed', (p) => p.name === name && match(p));
const route = async (callId: string) => {
  const q = new URLSearchParams({ callId, from: '+447700900555', to: SALES, attempt: '0' });
  return (
    await fetch(`${world.h.hookUrl}/internal/sip/route?${q}`, { headers: { 'X-Hook-Token': world.h.hookToken } })
  ).json();
};
async function tab(email: string): Promise<TestFeed> {
  const t = openFeed(world.h, { cookie: await signIn(world.h, email), origin: world.h.origin });
  tabs.push(t);
  await nextEvent(t, 'presence:snapshot');
  return t;
}

test('a raw REGISTER over the WebSocket makes the agent routable; an unREGISTER and a closed WebSocket take it away', async () => {
  const alice = await tab('alice@acme.test');
  let seen = stateOf('Alice Agent', (p) => p.issues?.includes('registration-lost') === true);
  await reportPhone(alice);
  expect(await seen).toMatchObject({ state: 'offline' });
  // The page claims a registered phone, Kamailio has none: the Sales line skips Alice.
  expect((await route('reg-1')).targets).not.toContain('sip:1001@127.0.0.1');

  const phone = await ws();
  seen = stateOf('Alice Agent', (p) => p.state === 'available');
  expect(
    (await phone.register({ extension: '1001', domain: world.sip.domain, credentials: creds('1001') })).status,
  ).toBe(200);
  expect((await seen).issues).toEqual([]);
  expect((await route('reg-2')).targets).toEqual(['sip:1001@127.0.0.1']);

  seen = stateOf('Alice Agent', (p) => p.state === 'offline');
  expect(
    (await phone.register({ extension: '1001', domain: world.sip.domain, credentials: creds('1001'), expires: 0 }))
      .status,
  ).toBe(200);
  expect((await seen).issues).toEqual(['registration-lost']);

  seen = stateOf('Alice Agent', (p) => p.state === 'available');
  expect(
    (await phone.register({ extension: '1001', domain: world.sip.domain, credentials: creds('1001') })).status,
  ).toBe(200);
  await seen;
  seen = stateOf('Alice Agent', (p) => p.state === 'offline');
  await phone.close();
  expect((await seen).issues).toEqual(['registration-lost']);
  expect(await registeredContacts(world.sip.runDir, '1001')).toEqual([]);
});

test('Kamailio keeps one contact per extension: the newest registration wins, and the older socket closing changes nothing', async () => {
  await tab('bob@acme.test').then(reportPhone);
  const first = await ws();
  let seen = stateOf('Bob Agent', (p) => p.state === 'available');
  expect(
    (await first.register({ extension: '1002', domain: world.sip.domain, credentials: creds('1002') })).status,
  ).toBe(200);
  await seen;
  const second = await ws();
  expect(
    (await second.register({ extension: '1002', domain: world.sip.domain, credentials: creds('1002') })).status,
  ).toBe(200);
  const contacts = await registeredContacts(world.sip.runDir, '1002');
  expect(contacts).toHaveLength(1);
  expect(contacts[0]).toContain(second.contactUser);

  const changes: Presence[] = [];
  supervisor.on('presence:changed', (p) => p.name === 'Bob Agent' && changes.push(p));
  await first.close();
  // The older phone's socket is gone; Bob's newest phone still holds the contact.
  expect((await route('reg-3')).targets).toEqual(['sip:1002@127.0.0.1']);
  seen = stateOf('Bob Agent', (p) => p.state === 'offline');
  await second.close();
  await seen;
  expect(changes.map((p) => p.state)).toEqual(['offline']);
});
