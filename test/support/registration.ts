import type { Presence } from '../../src/common/presence';
import { HOOK_TOKEN_HEADER, type RegistrationQuery } from '../../src/common/sip-hooks';
import { nextEvent, openFeed, signIn, type Harness, type TestFeed } from './companion-harness';

let sourcePort = 20_000 + (process.pid % 20_000);

/**
 * Tells the companion what Kamailio tells it about a registration, over the loopback hook listener with the
 * hook token, exactly as Kamailio's route[REG_REPORT] does. For tests that run the companion without a
 * Kamailio; tests with one register a real phone instead.
 */
export async function kamailioReports(h: Harness, q: RegistrationQuery): Promise<number> {
  const params = new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)]));
  const res = await fetch(`${h.hookUrl}/internal/sip/registration?${params}`, {
    headers: { [HOOK_TOKEN_HEADER]: h.hookToken },
  });
  await res.body?.cancel();
  return res.status;
}

/** Kamailio saved a REGISTER for `extension` (a UDP phone on a source of its own, 10 minutes). */
export async function kamailioRegistered(h: Harness, extension: string): Promise<void> {
  const source = `udp:127.0.0.1:${sourcePort++}`;
  const status = await kamailioReports(h, {
    event: 'registered',
    ext: extension,
    contact: `sip:${extension}@127.0.0.1:${sourcePort}`,
    expires: 600,
    source,
  });
  if (status !== 200) throw new Error(`registration report for ${extension} answered ${status}`);
}

/** The browser's report of its phone: a hint the companion checks against what Kamailio said. */
export const reportPhone = (
  feed: TestFeed,
  registration: 'registered' | 'connecting' | 'unregistered' = 'registered',
) => new Promise((r) => feed.emit('phone:report', { registration, ringing: 0, activeCalls: 0 }, r));

/**
 * An agent as a real browser makes them routable, with Kamailio played by the hook: the feed open, Kamailio
 * holding a contact for their extension, the phone reporting itself registered. Resolves once the companion
 * shows them in `state` (their manual state: available unless set otherwise).
 */
export async function routableAgent(
  h: Harness,
  email: string,
  opts: { feed?: TestFeed; password?: string; state?: Presence['state'] } = {},
): Promise<TestFeed> {
  const feed = opts.feed ?? openFeed(h, { cookie: await signIn(h, email, opts.password), origin: h.origin });
  if (!opts.feed) await nextEvent(feed, 'presence:snapshot');
  const staff = h.repos.staff.findByEmail(email);
  if (!staff?.extension) throw new Error(`${email} has no extension`);
  await kamailioRegistered(h, staff.extension);
  await reportPhone(feed);
  const want = opts.state ?? 'available';
  const deadline = Date.now() + 5000;
  while (h.presenceOf(staff.id)?.state !== want) {
    if (Date.now() > deadline) throw new Error(`${email} never became ${want} (is ${h.presenceOf(staff.id)?.state})`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return feed;
}

/** Waits until Kamailio's report of `extension`'s registration (a real phone's REGISTER) has reached the companion. */
export async function untilRegistered(
  h: Pick<Harness, 'registered'>,
  extension: string,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!h.registered(extension)) {
    if (Date.now() > deadline) throw new Error(`Kamailio's registration of ${extension} never reached the companion`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
