import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchAgent, signInAndRegister, type Agent } from '../support/agent-browser';
import { startE2eStack } from '../support/e2e-stack';
import { writeToneWav } from '../support/tone-wav';

const PORTS = { http: 18580, sip: 15560, ws: 15566, rtpNg: 22800, rtpMin: 31800, rtpMax: 31899 };
const LIFETIME_S = 60;

let stack: Awaited<ReturnType<typeof startE2eStack>>;
let alice: Agent;
let bob: Agent;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-renewal-'));
  writeToneWav(join(dir, 'tone.wav'), 440);
  stack = await startE2eStack(PORTS, { SIP_CREDENTIAL_SECONDS: String(LIFETIME_S) });
  [alice, bob] = await Promise.all([
    launchAgent({ micWav: join(dir, 'tone.wav') }),
    launchAgent({ micWav: join(dir, 'tone.wav') }),
  ]);
  await Promise.all([
    signInAndRegister(alice.page, stack.url, 'alice@acme.test'),
    signInAndRegister(bob.page, stack.url, 'bob@acme.test'),
  ]);
});

afterAll(async () => {
  await Promise.allSettled([alice?.close(), bob?.close()]);
  await stack?.stop();
});

/** The usernames of the page's REGISTER requests so far (auth_ephemeral: `<expiry>:<extension>`). */
const registerUsernames = (page: Page) =>
  page.evaluate(() => (window as unknown as { __registerUsers?: string[] }).__registerUsers ?? []);

test('short-lived SIP credentials are renewed before they expire: the agent stays reachable, unaware', async () => {
  for (const page of [alice.page, bob.page]) {
    await page.evaluate(() => {
      const w = window as unknown as { __registerUsers: string[] };
      w.__registerUsers = [];
      const send = WebSocket.prototype.send;
      WebSocket.prototype.send = function (data) {
        const m = typeof data === 'string' && data.startsWith('REGISTER') ? /username="([^"]+)"/.exec(data) : null;
        if (m) w.__registerUsers.push(m[1]!);
        return send.call(this, data);
      };
    });
  }
  // The credentials from sign-in expire within LIFETIME_S of now; wait until they have.
  const firstExpiry = Math.floor(Date.now() / 1000) + LIFETIME_S;
  await alice.page.waitForTimeout((LIFETIME_S + 5) * 1000);
  // Meanwhile the phone re-registered with fresh credentials, expiring well after the first ones…
  const expiries = (await registerUsernames(alice.page)).map((u) => Number(u.split(':')[0]));
  expect(expiries.length).toBeGreaterThanOrEqual(1);
  expect(Math.max(...expiries)).toBeGreaterThan(firstExpiry + 10);
  // …and never showed the agent anything but Registered.
  expect(await alice.page.locator('[data-registration="registered"]').count()).toBe(1);

  // Still reachable: Bob calls Alice and she can answer.
  await bob.page.getByLabel('Number or extension').fill('1001');
  await bob.page.getByRole('button', { name: 'Call', exact: true }).click();
  await alice.page.getByRole('button', { name: 'Answer' }).click();
  await bob.page.locator('[data-status="active"]').waitFor();
  await bob.page.getByRole('button', { name: 'Hang up' }).click();
  await alice.page.getByText('The other party hung up').waitFor();
});
