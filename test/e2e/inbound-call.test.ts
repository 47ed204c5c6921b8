import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startCaller, type CallResult } from '../../scripts/sipp/caller';
import type { SippLeg } from '../../scripts/sipp/sipp-leg';
import { currentCallId, launchAgent, signInAndRegister, type Agent } from '../support/agent-browser';
import { openScreen } from '../support/app-nav';
import { listen } from '../support/audio-probe';
import { startE2eStack } from '../support/e2e-stack';
import { writeToneWav } from '../support/tone-wav';

const PORTS = { http: 18380, sip: 15360, ws: 15366, rtpNg: 22600, rtpMin: 31600, rtpMax: 31699 };
const CALLER_HZ = 1000;
const BOB_HZ = 1300;

let stack: Awaited<ReturnType<typeof startE2eStack>>;
let alice: Agent;
let bob: Agent;
let dir: string;
const legs: SippLeg[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-inbound-'));
  writeToneWav(join(dir, 'alice.wav'), 700);
  writeToneWav(join(dir, 'bob.wav'), BOB_HZ);
  stack = await startE2eStack(PORTS);
  [alice, bob] = await Promise.all([
    launchAgent({ micWav: join(dir, 'alice.wav') }),
    launchAgent({ micWav: join(dir, 'bob.wav') }),
  ]);
  await Promise.all([
    signInAndRegister(alice.page, stack.url, 'alice@acme.test'),
    signInAndRegister(bob.page, stack.url, 'bob@acme.test'),
  ]);
});

afterAll(async () => {
  await Promise.allSettled(legs.map((l) => l.stop()));
  await Promise.allSettled([alice?.close(), bob?.close()]);
  await stack?.stop();
});

/** A phone-network caller (sipp, PCMU tone) dialling a virtual number through Kamailio and rtpengine. */
async function call(
  number: string,
  from: string,
  opts: { durationS?: number; cancelAfterMs?: number } = {},
): Promise<{ result: Promise<CallResult> }> {
  const { leg, result } = await startCaller({
    runDir: dir,
    number,
    from,
    kamailioPort: PORTS.sip,
    frequency: CALLER_HZ,
    durationS: opts.durationS ?? 60,
    cancelAfterMs: opts.cancelAfterMs,
  });
  legs.push(leg);
  return { result };
}

const card = (page: Page) => page.getByRole('region', { name: /^Incoming call from / });

/** Our id of the call whose card is ringing now. */
const ringingId = async (page: Page) => {
  await card(page).waitFor();
  return (await card(page).getAttribute('data-call-id'))!;
};

/** That call's panel says what became of it (earlier ended calls may still be on screen). */
const outcome = (page: Page, callId: string, text: string) =>
  page.locator(`[data-call-id="${callId}"]`).getByText(text).waitFor({ timeout: 10_000 });

test('a simultaneous ring: both agents see why the call is theirs; one answers, the other sees who took it; audio flows both ways', async () => {
  // The toll-free Support number splits 60/40; its first call goes to the simultaneous group of Alice and Bob.
  const { result } = await call('+18005550100', '+447700900200');
  const aliceCall = await ringingId(alice.page);
  for (const page of [alice.page, bob.page]) {
    await card(page).waitFor();
    await expect.poll(() => card(page).getByTestId('called-number').textContent()).toContain('Support (toll-free)');
    expect(await card(page).getByTestId('route-reason').textContent()).toBeTruthy();
    expect(await card(page).textContent()).toContain('unknown caller');
  }

  await card(bob.page).getByRole('button', { name: 'Answer' }).click();
  await bob.page.locator('[data-status="active"]').waitFor();
  await outcome(alice.page, aliceCall, 'Answered by Bob Agent');
  expect(await card(alice.page).count()).toBe(0);

  // Bob hears the caller's tone; the caller receives Bob's.
  const bobCall = await currentCallId(bob.page);
  let heard = await listen(bob.page, bobCall);
  for (let i = 0; i < 8 && Math.abs(heard.peakHz - CALLER_HZ) > 15; i++) heard = await listen(bob.page, bobCall);
  expect(Math.abs(heard.peakHz - CALLER_HZ)).toBeLessThan(15);
  expect(heard.bandShare).toBeGreaterThan(0.9);

  await bob.page.getByRole('button', { name: 'Hang up' }).click();
  const r = await result;
  expect(r.finalCode).toBe(200);
  expect(r.endedBy).toBe('callee');
  expect(r.rtp.received).toBeGreaterThan(50);
  expect(r.leg.rtp.stats.payloadTypes).toEqual([0]);
  expect(r.leg.rtp.toneShare(BOB_HZ)).toBeGreaterThan(0.5);

  // History: answered by Bob, who rang, and why.
  await bob.page.reload();
  await bob.page.locator('[data-registration="registered"]').waitFor();
  await openScreen(bob.page, 'Calls');
  const row = bob.page.locator('.history li').first();
  await expect.poll(() => row.textContent()).toContain('Answered');
  // Bob reads his own part as his own.
  expect(await row.textContent()).toContain('Answered by you');
});

test('the caller hangs up while it rings: the card vanishes and says so', async () => {
  const { result } = await call('+442071234567', '+447700900300', { cancelAfterMs: 2500 });
  const id = await ringingId(alice.page);
  expect(await card(alice.page).getByTestId('called-number').textContent()).toContain('Sales line');
  await outcome(alice.page, id, 'The caller hung up');
  expect(await card(alice.page).count()).toBe(0);
  expect((await result).finalCode).toBe(487);
});

test('sticky routing: after Alice talks to a caller, their next call says why it is hers', async () => {
  const first = await call('+442071234567', '+447700900400', { durationS: 1 });
  await card(alice.page).getByRole('button', { name: 'Answer' }).click();
  expect((await first.result).finalCode).toBe(200);
  // Routing rings only available agents: wait until Alice is off the call again, as a real caller would.
  await alice.page.locator('.presence-picker [data-presence="available"]').waitFor();

  await call('+442071234567', '+447700900400', { cancelAfterMs: 4000 });
  const id = await ringingId(alice.page);
  expect(await card(alice.page).getByTestId('route-reason').textContent()).toMatch(/^You spoke to this caller/);
  await outcome(alice.page, id, 'The caller hung up');
});
