import type { CallHistoryItem } from '../../src/common/calls';
import { hookToken } from '../../src/server/auth/hook-token';
import { nextEvent, openFeed, signIn, startSeededCompanion, type Harness, type TestFeed } from '../support/companion-harness';

// Two agents answer the same call at once: the database picks one, and the other is told so.
const SECRET = 'answer-race-secret-0123456789abcdef';
let h: Harness;
const feeds: TestFeed[] = [];
beforeAll(async () => {
  h = await startSeededCompanion({ SIP_AUTH_SECRET: SECRET, PSTN_GATEWAY: '127.0.0.1:5080' });
});
afterAll(async () => {
  for (const f of feeds) f.disconnect();
  await h.stop();
});

const route = (callId: string) =>
  fetch(`${h.url}/internal/sip/route?${new URLSearchParams({ token: hookToken(SECRET), callId, from: '+447700900777', to: '+18005550100', attempt: '0' })}`).then((r) => r.json());
async function availableAgent(email: string): Promise<TestFeed> {
  const feed = openFeed(h, { cookie: await signIn(h, email), origin: h.origin });
  feeds.push(feed);
  await nextEvent(feed, 'presence:snapshot');
  await new Promise((r) => feed.emit('phone:report', { registration: 'registered', ringing: 0, activeCalls: 0 }, r));
  return feed;
}
const history = async (callId: string) =>
  ((await (await fetch(`${h.url}/api/calls`, { headers: { cookie: await signIn(h, 'supervisor@acme.test') } })).json()) as CallHistoryItem[]).find((c) => c.id === callId);

test('the agent who loses the answer race gets ALREADY_CLAIMED; the winner is recorded', async () => {
  const alice = await availableAgent('alice@acme.test');
  const bob = await availableAgent('bob@acme.test');
  // Support line: 60% rings Alice and Bob at once.
  expect(await route('race-1')).toMatchObject({ action: 'ring', targets: expect.arrayContaining(['sip:1001@127.0.0.1', 'sip:1002@127.0.0.1']) });
  const answer = (feed: TestFeed) => new Promise<{ ok: boolean; error?: { code: string } }>((r) => feed.emit('call:answer', { sipCallId: 'race-1' }, r));
  const [a, b] = await Promise.all([answer(alice), answer(bob)]);
  expect([a.ok, b.ok].sort()).toEqual([false, true]);
  const loser = a.ok ? b : a;
  expect(loser.error?.code).toBe('ALREADY_CLAIMED');
  expect((await history('race-1'))?.answeredBy?.name).toBe(a.ok ? 'Alice Agent' : 'Bob Agent');
});

test('an answer sent without an ack callback is still recorded', async () => {
  const carol = await availableAgent('carol@acme.test');
  await route('race-2');
  const offered = (await history('race-2'))?.rang.map((r) => r.name) ?? [];
  const who = offered.includes('Carol Agent') ? carol : feeds.find((_f, i) => ['Alice Agent', 'Bob Agent'][i] === offered[0])!;
  const name = offered.includes('Carol Agent') ? 'Carol Agent' : offered[0];
  (who as unknown as { emit(e: string, b: unknown): void }).emit('call:answer', { sipCallId: 'race-2' });
  for (let i = 0; i < 50 && !(await history('race-2'))?.answeredBy; i++) await new Promise((r) => setTimeout(r, 50));
  expect((await history('race-2'))?.answeredBy?.name).toBe(name);
});
