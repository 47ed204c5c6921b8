import type { Page } from 'playwright-core';

/** Epoch-ms marks recorded in the pages (see page-bench.js / page-baseline.js). */
export type RegisterMarks = { start: number; firstRegister?: number; registered: number };
export type CallMarks = {
  caller: { start: number; sipCallId?: string; invite?: number; active: number; heard: number };
  callee: { ringing?: number; answer?: number; ok?: number; heard?: number };
};
export type BaselineMarks = {
  start: number;
  offerGathered: number;
  answerGathered: number;
  answerApplied: number;
  heard: number;
  /** When the answerer first heard the offerer (the far end hears us). */
  answererHeard: number;
};

type Sdp = { sdp: string };
declare global {
  interface Window {
    __bench: {
      autoAnswer(callerHz: number): void;
      register(): Promise<RegisterMarks>;
      call(target: string, hz: number, prewarm: boolean): Promise<CallMarks['caller']>;
      calleeLog(sipCallId: string): Promise<CallMarks['callee']>;
      hangupAll(): Promise<void>;
      liveCalls(): number;
    };
    __baseline: {
      offer(): Promise<Sdp & { start: number; gathered: number }>;
      answer(sdp: string, hz: number): Promise<Sdp & { at: number }>;
      finish(sdp: string, hz: number): Promise<{ applied: number; heard: number }>;
      heardByAnswerer(): Promise<number>;
      close(): void;
    };
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Injects the in-page probes and makes the page answer every inbound call itself, from inside the page,
 * listening for the caller's tone `callerHz`.
 */
export async function installProbes(page: Page, dir: string, callerHz: number): Promise<void> {
  await page.addScriptTag({ path: `${dir}/page-bench.js` });
  await page.addScriptTag({ path: `${dir}/page-baseline.js` });
  await page.evaluate((hz) => {
    window.__bench.autoAnswer(hz);
  }, callerHz);
}

/** One registration: phone.stop(), fresh credentials, then phone.start() until the store says registered. */
export function registerOnce(page: Page): Promise<RegisterMarks> {
  return page.evaluate(() => window.__bench.register());
}

/** Waits until neither page has a live call, then a short settle so runs do not overlap. */
async function idle(pages: Page[]): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const live = await Promise.all(pages.map((p) => p.evaluate(() => window.__bench.liveCalls())));
    if (live.every((n) => n === 0)) return sleep(300);
    await sleep(25);
  }
  throw new Error('calls did not end');
}

/**
 * One SIP call caller → callee (auto-answered), timed to the first moment the caller hears `hz` and the callee
 * hears the caller. `prewarm`: the caller's phone has (true) or has not (false) a pre-warmed connection ready.
 */
export async function callOnce(
  caller: Page,
  callee: Page,
  target: string,
  hz: number,
  prewarm: boolean,
): Promise<CallMarks> {
  const c = await caller.evaluate(({ target, hz, prewarm }) => window.__bench.call(target, hz, prewarm), {
    target,
    hz,
    prewarm,
  });
  if (!c.sipCallId) throw new Error('call has no SIP Call-ID');
  const sipCallId = c.sipCallId;
  const calleeMarks = await callee.evaluate((id) => window.__bench.calleeLog(id), sipCallId);
  await caller.evaluate(() => window.__bench.hangupAll());
  await idle([caller, callee]);
  return { caller: c, callee: calleeMarks };
}

/**
 * One bare RTCPeerConnection pair: offer made in `offerer`, relayed by this process (Playwright) to
 * `answerer`, answer relayed back; timed to the first moment the offerer hears `hz`.
 */
export async function baselineOnce(
  offerer: Page,
  answerer: Page,
  hz: number,
  offererHz: number,
): Promise<BaselineMarks> {
  try {
    const o = await offerer.evaluate(() => window.__baseline.offer());
    const a = await answerer.evaluate(({ sdp, hz }) => window.__baseline.answer(sdp, hz), {
      sdp: o.sdp,
      hz: offererHz,
    });
    const f = await offerer.evaluate(({ sdp, hz }) => window.__baseline.finish(sdp, hz), { sdp: a.sdp, hz });
    const answererHeard = await answerer.evaluate(() => window.__baseline.heardByAnswerer());
    return {
      answererHeard,
      start: o.start,
      offerGathered: o.gathered,
      answerGathered: a.at,
      answerApplied: f.applied,
      heard: f.heard,
    };
  } finally {
    await Promise.all(
      [offerer, answerer].map((p) => p.evaluate(() => window.__baseline.close()).catch(() => undefined)),
    );
    await sleep(300);
  }
}
