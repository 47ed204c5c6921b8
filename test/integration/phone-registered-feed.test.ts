import {
  nextEvent,
  openFeed,
  signIn,
  startSeededCompanion,
  type Harness,
  type TestFeed,
} from '../support/companion-harness';
import { kamailioReports } from '../support/registration';

/**
 * Which contact Kamailio holds for an extension reaches that agent's tabs (so an older window learns that a
 * newer one took the phone), and nobody else's: not another agent, not a supervisor.
 */
let h: Harness;
const feeds: TestFeed[] = [];
beforeAll(async () => {
  h = await startSeededCompanion();
});
afterAll(async () => {
  for (const f of feeds) f.disconnect();
  await h.stop();
});

async function feedOf(email: string): Promise<{ heard: unknown[] }> {
  const feed = openFeed(h, { cookie: await signIn(h, email), origin: h.origin });
  feeds.push(feed);
  await nextEvent(feed, 'presence:snapshot');
  const heard: unknown[] = [];
  (feed as unknown as { on(e: string, l: (v: unknown) => void): void }).on('phone:registered', (v) => heard.push(v));
  return { heard };
}

const registered = (ext: string, contact: string, port: number) =>
  kamailioReports(h, { event: 'registered', ext, contact, expires: 600, source: `ws:127.0.0.1:${port}` });

test("each REGISTER Kamailio saved tells the extension's own agent which contact holds it, and no one else", async () => {
  const alice = await feedOf('alice@acme.test');
  const aliceTab2 = await feedOf('alice@acme.test');
  const bob = await feedOf('bob@acme.test');
  const supervisor = await feedOf('supervisor@acme.test');

  const older = 'sip:olderua@abc.invalid;transport=ws;alias=127.0.0.1~40001~5';
  const newer = 'sip:newerua@def.invalid;transport=ws;alias=127.0.0.1~40002~5';
  expect(await registered('1001', older, 40001)).toBe(200);
  expect(await registered('1001', newer, 40002)).toBe(200);
  await expect.poll(() => alice.heard, { timeout: 10_000 }).toEqual([{ contact: older }, { contact: newer }]);
  await expect.poll(() => aliceTab2.heard, { timeout: 10_000 }).toEqual([{ contact: older }, { contact: newer }]);

  // Bob's own registration comes after Alice's in the same order on every socket: had he or the supervisor
  // heard Alice's, it would already be there.
  const bobs = 'sip:bobua@ghi.invalid;transport=ws;alias=127.0.0.1~40003~5';
  expect(await registered('1002', bobs, 40003)).toBe(200);
  await expect.poll(() => bob.heard, { timeout: 10_000 }).toEqual([{ contact: bobs }]);
  expect(await registered('1009', 'sip:superua@jkl.invalid;transport=ws', 40004)).toBe(200);
  await expect
    .poll(() => supervisor.heard, { timeout: 10_000 })
    .toEqual([{ contact: 'sip:superua@jkl.invalid;transport=ws' }]);
});
