import type { CallHistoryItem } from '../../src/common/calls';
import { HOOK_TOKEN_HEADER } from '../../src/common/sip-hooks';
import { hookToken } from '../../src/server/auth/hook-token';
import { signIn, startSeededCompanion, type Harness, type TestFeed } from '../support/companion-harness';
import { routableAgent } from '../support/registration';

// Two agents answer the same call at once: Kamailio says whose 200 won, and the other agent is told so.
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

const hook = (path: string, params: Record<string, string>) =>
  fetch(`${h.hookUrl}/internal/sip/${path}?${new URLSearchParams(params)}`, {
    headers: { [HOOK_TOKEN_HEADER]: hookToken(SECRET) },
  }).then((r) => r.json());
const route = (callId: string) => hook('route', { callId, from: '+447700900777', to: '+18005550100', attempt: '0' });
/** Kamailio saw the 200 from this extension's phone. */
const answeredAt = (callId: string, ext: string) => hook('event', { callId, event: 'answered', code: '200', ext });
async function availableAgent(email: string): Promise<TestFeed> {
  const feed = await routableAgent(h, email);
  feeds.push(feed);
  return feed;
}
const history = async (callId: string) =>
  (
    (await (
      await fetch(`${h.url}/api/calls`, { headers: { cookie: await signIn(h, 'supervisor@acme.test') } })
    ).json()) as CallHistoryItem[]
  ).find((c) => c.id === callId);

test('the agent who loses the answer race gets ALREADY_CLAIMED; the winner is the one Kamailio saw answer', async () => {
  const alice = await availableAgent('alice@acme.test');
  const bob = await availableAgent('bob@acme.test');
  // Support line: 60% rings Alice and Bob at once.
  expect(await route('race-1')).toMatchObject({
    action: 'ring',
    targets: expect.arrayContaining(['sip:1001@127.0.0.1', 'sip:1002@127.0.0.1']),
  });
  const answer = (feed: TestFeed) =>
    new Promise<{ ok: boolean; error?: { code: string } }>((r) => feed.emit('call:answer', { sipCallId: 'race-1' }, r));
  // Both pages say "answered" before Kamailio reports: neither is refused, neither is recorded.
  expect((await Promise.all([answer(alice), answer(bob)])).map((a) => a.ok)).toEqual([true, true]);
  expect((await history('race-1'))?.answeredBy).toBeFalsy();
  expect(await answeredAt('race-1', '1002')).toEqual({ ok: true });
  const [a, b] = await Promise.all([answer(alice), answer(bob)]);
  expect(a).toMatchObject({ ok: false, error: { code: 'ALREADY_CLAIMED' } });
  expect(b.ok).toBe(true);
  expect((await history('race-1'))?.answeredBy?.name).toBe('Bob Agent');
});

test('an answer sent without an ack callback is still checked, and changes nothing', async () => {
  const carol = await availableAgent('carol@acme.test');
  await route('race-2');
  const offered = (await history('race-2'))?.rang.map((r) => r.name) ?? [];
  const winner = offered.includes('Carol Agent') ? '1003' : offered[0] === 'Alice Agent' ? '1001' : '1002';
  expect(await answeredAt('race-2', winner)).toEqual({ ok: true });
  (carol as unknown as { emit(e: string, b: unknown): void }).emit('call:answer', { sipCallId: 'race-2' });
  // The socket still answers commands, and who answered is still Kamailio's word.
  const next = await new Promise<{ ok: boolean }>((r) => carol.emit('call:answer', { sipCallId: 'race-2' }, r));
  expect(next.ok).toBe(winner === '1003');
  expect((await history('race-2'))?.answeredBy?.name).toBe(
    offered.includes('Carol Agent') ? 'Carol Agent' : offered[0],
  );
});
