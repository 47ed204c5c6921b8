import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startCaller } from '../../scripts/sipp/caller';
import type { SippLeg } from '../../scripts/sipp/sipp-leg';
import { healthWords, type HealthIssue } from '../../src/common/presence-health';
import { launchAgent, signInAndRegister, type Agent, type Microphone } from '../support/agent-browser';
import { openScreen } from '../support/app-nav';
import { startE2eStack } from '../support/e2e-stack';
import { writeToneWav } from '../support/tone-wav';

const PORTS = { http: 19080, hook: 19081, sip: 16060, ws: 16066, rtpNg: 23300, rtpMin: 32900, rtpMax: 32999 };
const SALES = '+442071234567';

let stack: Awaited<ReturnType<typeof startE2eStack>>;
let supervisor: Agent;
let bob: Agent;
let dir: string;
const legs: SippLeg[] = [];
const agents: Agent[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-health-'));
  writeToneWav(join(dir, 'tone.wav'), 700);
  stack = await startE2eStack(PORTS);
  [supervisor, bob] = await Promise.all([
    launchAgent({ micWav: join(dir, 'tone.wav') }),
    launchAgent({ micWav: join(dir, 'tone.wav') }),
  ]);
  await Promise.all([
    signInAndRegister(supervisor.page, stack.url, 'supervisor@acme.test').then(() =>
      openScreen(supervisor.page, 'Team'),
    ),
    signInAndRegister(bob.page, stack.url, 'bob@acme.test'),
  ]);
});

afterAll(async () => {
  await Promise.allSettled(legs.map((l) => l.stop()));
  await Promise.allSettled([supervisor?.close(), bob?.close(), ...agents.map((a) => a.close())]);
  await stack?.stop();
});

const boardRow = (staffId: string) => supervisor.page.locator(`tr[data-staff="${staffId}"]`);
const card = (page: Page) => page.getByRole('region', { name: /^Incoming call from / });

// The Sales line rings Alice first, then Bob or Carol (round robin); Carol is not signed in.
test.each<[Microphone, HealthIssue, string]>([
  ['none', 'no-microphone', '+447700900610'],
  ['refused', 'microphone-denied', '+447700900620'],
])(
  'an agent whose page has microphone "%s" is shown not routable (%s), and a call to their number skips them',
  async (microphone, issue, caller) => {
    const alice = await launchAgent({ micWav: join(dir, 'tone.wav'), microphone });
    agents.push(alice);
    // Her phone registers with Kamailio all the same: it is the page that cannot carry a call.
    await signInAndRegister(alice.page, stack.url, 'alice@acme.test');
    const words = alice.page.locator(`.presence-picker [data-issue="${issue}"]`);
    await words.waitFor({ timeout: 15_000 });
    expect(await words.textContent()).toContain(healthWords[issue].problem);
    expect(await words.textContent()).toContain(healthWords[issue].fix);
    await alice.page.locator('.presence-picker [data-presence="offline"]').waitFor();
    await boardRow('staff-alice').locator(`[data-issue="${issue}"]`).waitFor({ timeout: 15_000 });
    await boardRow('staff-alice').locator('[data-presence="offline"]').waitFor();
    expect(await boardRow('staff-alice').textContent()).toContain(healthWords[issue].board);

    const { leg, result } = await startCaller({
      runDir: dir,
      number: SALES,
      from: caller,
      kamailioPort: PORTS.sip,
      durationS: 60,
    });
    legs.push(leg);
    // Alice, the first destination, would ring before anyone else: Bob ringing while she has no call means she was passed over.
    await card(bob.page).waitFor({ timeout: 20_000 });
    expect(await card(alice.page).count()).toBe(0);
    await card(bob.page).getByRole('button', { name: 'Answer' }).click();
    await bob.page.locator('[data-status="active"]').waitFor();
    expect(await card(alice.page).count()).toBe(0);
    await bob.page.getByRole('button', { name: 'Hang up' }).click();
    expect((await result).finalCode).toBe(200);
    await boardRow('staff-bob').locator('[data-presence="available"]').waitFor({ timeout: 15_000 });

    await alice.close();
    await boardRow('staff-alice').locator('[data-presence="offline"]').waitFor({ timeout: 10_000 });
  },
);
