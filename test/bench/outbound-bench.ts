// Outbound figures of `npm run bench`: an agent's click on Call -> the INVITE at the phone-network gateway
// (through Kamailio's caller-ID check with the companion), against click -> INVITE at the callee's browser
// for an agent-to-agent call. Same page, same dialer, same button.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startGateway } from '../../scripts/sipp/gateway';
import type { ProductStack } from '../../scripts/stack/product-stack';
import { launchAgent, signInAndRegister, type Agent } from '../support/agent-browser';
import { writeToneWav } from '../support/tone-wav';
import { summarize, table } from './stats';

export const OUTBOUND_GATEWAY = { host: '127.0.0.2', port: 15095 };
const CALLS = Number(process.env.BENCH_OUTBOUND_CALLS ?? 25);
const WARMUP = 2;
const CUSTOMER = '+447911123401';

export const OUTBOUND_DEFINITIONS = {
  outbound:
    `Alice (Chromium, signed in, registered) has ${CUSTOMER} in the dialer and "Sales line" chosen in the caller-ID picker. t0 = in-page ` +
    'performance.timeOrigin + performance.now() in a capture-phase click listener as the Call button is clicked; t1 = the gateway (sipp on 127.0.0.2) logs the ' +
    'INVITE with gettimeofday on receipt. Covers getUserMedia, offer, ICE gathering, the WebSocket, Kamailio auth (407 + retry), 100 Trying, ' +
    'the async hand-off, GET /internal/sip/outbound (the caller-ID rule), From/P-Asserted-Identity rewrite and rtpengine_offer. The gateway ' +
    'answers 486 so the call ends by itself.',
  agentToAgent:
    "The same page and button with extension 1002 in the dialer; t1 = Bob's page sees the INVITE frame arrive on its SIP WebSocket " +
    "(a message listener on the page's sockets). Alice then hangs up (CANCEL). Interleaved with the outbound calls; first " +
    `${WARMUP} of each discarded.`,
};

const CALL_BUTTON = 'form[aria-label="Dialer"] button[type="submit"]';

/** t0 is the click event as the page dispatches it (a capture listener), the click itself Playwright's. */
const clickCall = async (page: Page) => {
  await page.evaluate((sel) => {
    const w = window as unknown as { __clickAt?: number; __clickWatch?: boolean };
    w.__clickAt = undefined;
    if (w.__clickWatch) return;
    w.__clickWatch = true;
    document.addEventListener(
      'click',
      (e) => {
        if ((e.target as Element | null)?.closest(sel)) w.__clickAt = performance.timeOrigin + performance.now();
      },
      true,
    );
  }, CALL_BUTTON);
  await page.locator(CALL_BUTTON).click();
  return page.evaluate(() => (window as unknown as { __clickAt: number }).__clickAt);
};

/** Marks in Bob's page when an INVITE frame arrives on any SIP WebSocket. */
const watchInvites = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __sockets: WebSocket[]; __invites: number[] };
    w.__invites = [];
    for (const s of w.__sockets) {
      s.addEventListener('message', (e) => {
        if (typeof e.data === 'string' && e.data.startsWith('INVITE '))
          w.__invites.push(performance.timeOrigin + performance.now());
      });
    }
  });

const calls = (page: Page) =>
  page.evaluate(
    () =>
      (
        window as unknown as { switchboard: { phone: { store: { getState(): { calls: unknown[] } } } } }
      ).switchboard.phone.store.getState().calls,
  );

const idle = (page: Page) =>
  page.waitForFunction(() => {
    const sb = (
      window as unknown as { switchboard: { phone: { store: { getState(): { calls: { status: string }[] } } } } }
    ).switchboard;
    return sb.phone.store.getState().calls.every((c) => c.status === 'ended');
  });

export async function runOutboundBench(stack: ProductStack, opts: { root: string; toneDir: string }) {
  writeToneWav(join(opts.toneDir, 'out-alice.wav'), 700);
  writeToneWav(join(opts.toneDir, 'out-bob.wav'), 1300);
  const gateway = await startGateway({
    runDir: opts.toneDir,
    ...OUTBOUND_GATEWAY,
    busy: [CUSTOMER],
    calls: 10_000,
    timeoutS: 3600,
  });
  const agents: Agent[] = [];
  try {
    const [alice, bob] = await Promise.all([
      launchAgent({ micWav: join(opts.toneDir, 'out-alice.wav') }),
      launchAgent({ micWav: join(opts.toneDir, 'out-bob.wav') }),
    ]);
    agents.push(alice!, bob!);
    await Promise.all([
      signInAndRegister(alice!.page, stack.url, 'alice@acme.test'),
      signInAndRegister(bob!.page, stack.url, 'bob@acme.test'),
    ]);
    await watchInvites(bob!.page);
    const dial = alice!.page.getByLabel('Number or extension');
    const outbound: number[] = [];
    const internal: number[] = [];
    console.log('outbound: measuring click -> INVITE at the gateway vs click -> INVITE at the callee ...');
    for (let i = 0; i < WARMUP + CALLS; i++) {
      await dial.fill(CUSTOMER);
      await alice!.page.getByLabel('Caller ID').selectOption('num-sales');
      const seen = gateway.invites().length;
      const t0 = await clickCall(alice!.page);
      const waitUntil = Date.now() + 10_000;
      while (gateway.invites().length === seen) {
        if (Date.now() > waitUntil)
          throw new Error(
            `no INVITE reached the gateway; Alice's calls: ${JSON.stringify(await calls(alice!.page))}; dialer: ${await alice!.page.locator('form[aria-label="Dialer"]').innerText()}`,
          );
        await new Promise((r) => setTimeout(r, 5));
      }
      const t1 = gateway.invites()[seen]!.at;
      await idle(alice!.page);

      await dial.fill('1002');
      const bobSeen = await bob!.page.evaluate(() => (window as unknown as { __invites: number[] }).__invites.length);
      const s0 = await clickCall(alice!.page);
      await bob!.page.waitForFunction(
        (n) => (window as unknown as { __invites: number[] }).__invites.length > n,
        bobSeen,
        { timeout: 10_000 },
      );
      const s1 = await bob!.page.evaluate((n) => (window as unknown as { __invites: number[] }).__invites[n]!, bobSeen);
      await alice!.page
        .locator('form[aria-label="Dialer"]')
        .page()
        .evaluate(() => {
          const sb = (
            window as unknown as {
              switchboard: {
                phone: {
                  store: { getState(): { calls: { id: string; status: string }[] } };
                  hangup(id: string): Promise<void>;
                };
              };
            }
          ).switchboard;
          for (const c of sb.phone.store.getState().calls) if (c.status !== 'ended') void sb.phone.hangup(c.id);
        });
      await idle(alice!.page);
      await idle(bob!.page);
      if (i >= WARMUP) {
        outbound.push(t1 - t0);
        internal.push(s1 - s0);
      }
      process.stdout.write(i < WARMUP ? 'w' : '.');
    }
    process.stdout.write('\n');
    console.log('\nOutbound definitions:');
    for (const [k, v] of Object.entries(OUTBOUND_DEFINITIONS)) console.log(`  ${k}: ${v}`);
    console.log('');
    console.log(
      table([
        { name: 'click -> INVITE at the gateway (caller-ID check)', values: outbound },
        { name: 'click -> INVITE at the callee (agent to agent)', values: internal },
      ]),
    );
    const o = summarize(outbound);
    const a = summarize(internal);
    console.log(
      `\nratio outbound/agent-to-agent: p50 ${(o.p50 / a.p50).toFixed(2)}x, p95 ${(o.p95 / a.p95).toFixed(2)}x (p50 ${o.p50 - a.p50 >= 0 ? '+' : ''}${(o.p50 - a.p50).toFixed(1)} ms)`,
    );
    const dir = join(opts.root, '.run/bench');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `outbound-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(
      file,
      JSON.stringify(
        {
          at: new Date().toISOString(),
          definitions: OUTBOUND_DEFINITIONS,
          outbound: summarize(outbound),
          agentToAgent: a,
          raw: { outbound, internal },
        },
        null,
        2,
      ),
    );
    console.log(`raw numbers: ${file}`);
    if (outbound.length < 20 || internal.length < 20) throw new Error('fewer than 20 samples in an outbound figure');
  } finally {
    await Promise.allSettled(agents.map((x) => x.close()));
    await gateway.leg.stop();
  }
}
